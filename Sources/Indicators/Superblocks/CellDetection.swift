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
    ///
    /// The faces' shared boundary lengths are measured once, pair by pair among neighbours found
    /// through a spatial index; a merged cell's boundary with a third face is the sum of its parts'
    /// (the faces are disjoint), so merging is bookkeeping on that table and each final cell is one
    /// union of its faces. The order is the one the rule states: the smallest small cell first (the
    /// earliest face on ties), into the neighbour with the longest shared boundary (the smaller on ties).
    func merge(_ faces: [Geometry]) throws(GeometryError) -> [(polygon: Geometry, faces: Int)] {
        guard !faces.isEmpty else { return [] }
        let index = try SpatialIndex(faces)
        var shared = [[Int: Double]](repeating: [:], count: faces.count)
        for (i, face) in faces.enumerated() {
            for j in index.query(face) where j > i {
                let length = try face.intersection(faces[j]).length
                guard length > 1e-6 else { continue }
                shared[i][j] = length
                shared[j][i] = length
            }
        }
        var area = faces.map(\.area)
        var members = faces.indices.map { [$0] }
        var alive = [Bool](repeating: true, count: faces.count)
        var queue = MinHeap()
        for k in faces.indices where area[k] < analysis.limits.minimumArea { queue.push(area[k], k) }
        while let (key, smallest) = queue.pop() {
            // Stale entries: a cell merged away, or grown since it was queued.
            guard alive[smallest], key == area[smallest] else { continue }
            var best: (index: Int, shared: Double)?
            for (other, length) in shared[smallest].sorted(by: { $0.key < $1.key }) {
                if best == nil || length > best!.shared + 1e-9 || (abs(length - best!.shared) <= 1e-9 && area[other] < area[best!.index]) {
                    best = (other, length)
                }
            }
            guard let target = best?.index else { continue }  // no neighbour: it stays as it is
            alive[smallest] = false
            members[target] += members[smallest]
            members[smallest] = []
            area[target] += area[smallest]
            for (other, length) in shared[smallest] where other != target {
                shared[target][other, default: 0] += length
                shared[other][target, default: 0] += length
                shared[other][smallest] = nil
            }
            shared[target][smallest] = nil
            shared[smallest] = [:]
            if area[target] < analysis.limits.minimumArea { queue.push(area[target], target) }
        }
        var cells: [(polygon: Geometry, faces: Int)] = []
        for k in faces.indices where alive[k] {
            let polygon = members[k].count == 1 ? faces[k] : try Geometry.union(of: members[k].map { faces[$0] }, in: faces[k].context)
            cells.append((polygon, members[k].count))
        }
        return cells
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
