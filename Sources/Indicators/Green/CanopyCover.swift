import DistrictModel
import GeometryEngine

/// Tree canopy: crown discs of tree points (`diameter_crown`, else a default diameter), plus
/// green polygons that are woodland (`natural=wood`, `landcover=trees`): the "30" of 3-30-300
/// when no canopy polygons exist (DESIGN.md section 4.3).
struct CanopyCover {
    let canopy: Geometry?

    init(trees: [DistrictFeature], points: [Geometry], greens: [DistrictFeature], defaultCrownDiameter: Double,
         context: GeometryContext) throws(GeometryError) {
        var pieces: [Geometry] = []
        for (tree, point) in zip(trees, points) {
            let diameter = tree.attributes.string("diameter_crown", "crown_diameter").flatMap(TagValue.metres)
                .flatMap { $0 > 0 && AttributeLimits.crownDiameter.contains($0) ? $0 : nil } ?? defaultCrownDiameter
            pieces.append(try point.buffer(diameter / 2))
        }
        for green in greens where green.attributes.string("natural") == "wood" || green.attributes.string("landcover") == "trees" {
            pieces.append(try context.geometry(of: green))
        }
        canopy = pieces.isEmpty ? nil : try Geometry.union(of: pieces, in: context)
    }

    /// Canopy over `area` as a percentage of it.
    func percent(of area: Geometry) throws(GeometryError) -> Double {
        let total = area.area
        guard total > 0 else { return 0 }
        guard let canopy else { return 0 }
        return 100 * (try canopy.intersection(area).area) / total
    }
}
