import DistrictModel
import GeometryEngine

/// Trees per street section: how many street sections carry at least the target number of trees
/// per metre (DESIGN.md section 4.3). A tree belongs to a section when it stands within the
/// street's half-width (from its cross-section) of the centreline.
struct StreetTrees {
    private(set) var sections = 0
    private var treesPerMetre: [Double] = []

    init(streets: [DistrictFeature], trees: SpatialIndex?, context: GeometryContext) throws(GeometryError) {
        let inference = CrossSectionInference()
        for street in streets where street.roadClass.carriesMotorTraffic || street.highway == "pedestrian" || street.highway == "living_street" {
            guard street.geometry.family == .line else { continue }
            let line = try context.geometry(of: street)
            let length = line.length
            guard length > 0 else { continue }
            sections += 1
            guard let trees else { treesPerMetre.append(0); continue }
            let halfWidth = max(inference.crossSection(of: street.attributes).totalWidth / 2, 1)
            let corridor = try PreparedGeometry(try line.buffer(halfWidth, style: .flat))
            let count = trees.query(corridor.base).filter { corridor.contains(trees.geometries[$0]) }.count
            treesPerMetre.append(Double(count) / length)
        }
    }

    func wellTreed(target: Double) -> Int { treesPerMetre.filter { $0 >= target }.count }
}
