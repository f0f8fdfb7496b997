import DistrictModel
import GeometryEngine

/// Which streets belong to a superblock cell, and which run round it.
///
/// - An interior street is a motor road (any `highway` that carries motor traffic, living streets
///   included; footways, pedestrian streets and cycleways are not streets a plan calms) outside the
///   basic network, at least `minimumInsideShare` of whose centreline lies inside the cell shrunk
///   by `boundaryTolerance`. The shrinking keeps out the streets on the boundary itself; the share
///   assigns a way that crosses a boundary to the cell holding most of it.
/// - A perimeter street is a motor road that is interior to no cell and at least
///   `minimumInsideShare` of whose centreline lies within `perimeterDistance` of the cell's
///   boundary: the basic streets round it, where `superblock plan --reroute` sends displaced traffic.
///   A basic street between two cells is on the perimeter of both.
public struct CellMembership: Sendable, Equatable {
    public var boundaryTolerance: Double
    public var minimumInsideShare: Double
    public var perimeterDistance: Double

    public init(boundaryTolerance: Double = 1, minimumInsideShare: Double = 0.5, perimeterDistance: Double = 5) {
        self.boundaryTolerance = boundaryTolerance
        self.minimumInsideShare = minimumInsideShare
        self.perimeterDistance = perimeterDistance
    }

    /// Interior and perimeter streets of each cell (indices into `streets`), in street order.
    /// `lines` are the streets' centrelines in `cells`' context (nil for streets given as areas),
    /// `basic` their basic-network membership.
    func streets(of cells: [Geometry], streets: [DistrictFeature], lines: [Geometry?], basic: [Bool]) throws(GeometryError) -> [CellStreets] {
        var result = cells.map { _ in CellStreets(interior: [], perimeter: []) }
        let indexed = lines.indices.filter { lines[$0] != nil && lines[$0]!.length > 0 && streets[$0].roadClass.carriesMotorTraffic }
        guard !indexed.isEmpty, !cells.isEmpty else { return result }
        let index = try SpatialIndex(indexed.map { lines[$0]! })

        // Interior: the cell holding the largest share of the street, when that share is enough.
        var best: [Int: (cell: Int, share: Double)] = [:]
        for (cellIndex, cell) in cells.enumerated() {
            let shrunk = try cell.buffer(-boundaryTolerance)
            guard !shrunk.isEmpty else { continue }
            let prepared = try PreparedGeometry(shrunk)
            for candidate in index.query(shrunk) {
                let street = indexed[candidate]
                guard !basic[street] else { continue }
                let line = lines[street]!
                guard prepared.intersects(line) else { continue }
                let share = prepared.contains(line) ? 1 : try line.intersection(shrunk).length / line.length
                if share >= minimumInsideShare, share > (best[street]?.share ?? 0) { best[street] = (cellIndex, share) }
            }
        }
        for (street, choice) in best { result[choice.cell].interior.append(street) }

        // Perimeter: near the boundary over most of the length, and interior nowhere.
        for (cellIndex, cell) in cells.enumerated() {
            let boundary = try Self.boundary(of: cell)
            let band = try boundary.buffer(perimeterDistance)
            let prepared = try PreparedGeometry(band)
            for candidate in index.query(band) {
                let street = indexed[candidate]
                guard best[street] == nil else { continue }
                let line = lines[street]!
                guard prepared.intersects(line) else { continue }
                let share = prepared.contains(line) ? 1 : try line.intersection(band).length / line.length
                if share >= minimumInsideShare { result[cellIndex].perimeter.append(street) }
            }
        }
        for position in result.indices {
            result[position].interior.sort()
            result[position].perimeter.sort()
        }
        return result
    }

    /// The exterior rings of a cell as lines.
    static func boundary(of cell: Geometry) throws(GeometryError) -> Geometry {
        let polygons = cell.kind == .polygon ? [cell] : cell.parts.filter { $0.kind == .polygon }
        var rings: [Geometry] = []
        for polygon in polygons {
            if let ring = polygon.rings.first { rings.append(try Geometry.lineString(ring, in: cell.context)) }
        }
        return rings.count == 1 ? rings[0] : try Geometry.collection(rings, as: .multiLineString, in: cell.context)
    }
}

/// The streets of one cell, as indices into the district's streets.
public struct CellStreets: Sendable, Equatable {
    public var interior: [Int]
    public var perimeter: [Int]
}
