import DistrictModel
import GeoJSON
import GeometryEngine

/// Superblock cells found in the basic street network (DESIGN.md section 4.5).
///
/// The basic network's centrelines are noded (split where they cross) and polygonized: every face
/// they enclose is a candidate cell. Faces smaller than the minimum area (slivers between dual
/// carriageways, roundabouts, single blocks cut off by a link) are merged, smallest first, with the
/// neighbour they share the longest boundary with, until none is left that has a neighbour; cells
/// larger than the maximum are kept and flagged. Dead ends and streets that close no face are
/// ignored by polygonizing, and so are the edges of the data: a face needs a closed ring.
public struct CellDetection: Sendable {
    public var analysis: CellAnalysis

    public init(analysis: CellAnalysis = CellAnalysis()) {
        self.analysis = analysis
    }

    public func detect(_ district: District) throws(GeometryError) -> CellDetectionResult {
        let context = GeometryContext()
        let streets = district.streets
        let basic = analysis.basicNetwork.membership(of: streets)
        var lines: [Geometry] = []
        for (street, isBasic) in zip(streets, basic) where isBasic && street.geometry.family == .line {
            lines.append(try context.geometry(of: street))
        }
        let rule = analysis.basicNetwork.rule(for: streets)
        guard !lines.isEmpty else {
            return CellDetectionResult(cells: [], basicStreetCount: 0, basicRule: rule, faceCount: 0)
        }
        let noded = try Geometry.union(of: lines, in: context)
        let faces = try Geometry.polygonize([noded], in: context).parts.filter { $0.kind == .polygon && $0.area > 0 }
        let merged = try merge(faces)

        // Stable ids: cells numbered from the south-west, row by row (centroids rounded to 1 m).
        let ordered = try merged.map { cell throws(GeometryError) -> (Geometry, Int, Double, Double) in
            let centre = try cell.polygon.centroid().coordinates
            return (cell.polygon, cell.faces, centre[1].rounded(), centre[0].rounded())
        }.sorted { ($0.2, $0.3) < ($1.2, $1.3) }
        let inputs = ordered.enumerated().map { index, cell in
            CellAnalysis.Input(id: "cell-\(index + 1)", geometry: cell.0.geoJSON, faces: cell.1)
        }
        let cells = try analysis.analyse(inputs, in: district, context: context)
        return CellDetectionResult(cells: cells, basicStreetCount: lines.count, basicRule: rule, faceCount: faces.count)
    }

    /// Merges faces below the minimum area into their neighbours.
    func merge(_ faces: [Geometry]) throws(GeometryError) -> [(polygon: Geometry, faces: Int)] {
        var cells = faces.map { (polygon: $0, faces: 1, area: $0.area) }
        var isolated = Set<Int>()  // small cells found to have no neighbour, by position
        while true {
            let small = cells.indices.filter { cells[$0].area < analysis.limits.minimumArea && !isolated.contains($0) }
            guard let smallest = small.min(by: { cells[$0].area < cells[$1].area }) else { break }
            let cell = cells[smallest].polygon
            var best: (index: Int, shared: Double)?
            for other in cells.indices where other != smallest {
                guard let a = cell.envelope, let b = cells[other].polygon.envelope, a.intersects(b) else { continue }
                let shared = try cell.intersection(cells[other].polygon).length
                guard shared > 1e-6 else { continue }
                if best == nil || shared > best!.shared + 1e-9
                    || (abs(shared - best!.shared) <= 1e-9 && cells[other].area < cells[best!.index].area) {
                    best = (other, shared)
                }
            }
            guard let best else { isolated.insert(smallest); continue }
            let union = try cell.union(cells[best.index].polygon)
            cells[best.index] = (union, cells[best.index].faces + cells[smallest].faces, union.area)
            cells.remove(at: smallest)
            isolated = Set(isolated.map { $0 > smallest ? $0 - 1 : $0 })
        }
        return cells.map { ($0.polygon, $0.faces) }
    }
}

/// What detection found.
public struct CellDetectionResult: Sendable {
    public var cells: [SuperblockCell]
    /// Basic-network streets used (line features).
    public var basicStreetCount: Int
    /// How the basic network was chosen.
    public var basicRule: String
    /// Faces of the polygonized network before merging.
    public var faceCount: Int
}
