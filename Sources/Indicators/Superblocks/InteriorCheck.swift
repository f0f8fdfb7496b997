import DistrictModel
import GeoJSON
import GeometryEngine

/// A path across a cell by its interior streets that is shorter than going round it.
public struct ThroughRoute: Sendable, Equatable {
    /// Ids of the interior streets along the path, in order (a street entered twice is listed twice).
    public var streetIDs: [String]
    /// The path as a flat `x, y` polyline in the district's metric CRS.
    public var path: [Double]
    /// Length of the path through the interior (m).
    public var length: Double
    /// The shorter way round the cell boundary between the path's two ends (m).
    public var aroundLength: Double

    /// Metres saved by cutting through.
    public var saving: Double { aroundLength - length }
}

/// The through-route test of DESIGN.md section 4.5, run per cell.
///
/// Definition. The interior graph of a cell has as edges its interior streets (see
/// `CellMembership`), clipped to the cell grown by `gateTolerance` and split at their nodes; the
/// nodes are the ends of those pieces and every vertex two streets share (street ends closer than
/// `snapTolerance` to each other or to another street are joined to it, so slightly sloppy
/// junctions still connect, while bridges over a street, which share no vertex, do not). An edge
/// may be driven only in the digitised direction when its street is one-way (`oneway=yes|true|1`,
/// `junction=roundabout`; `oneway=-1` the other way), unless `respectsOneway` is false. Gates are
/// the nodes within `gateTolerance` of the cell's boundary (the exterior ring; for a multipolygon,
/// that of its largest part): where a car can enter or leave the interior from the basic network.
/// The way round between gates a and b is the shorter of the two arcs of the boundary between
/// their projections on it.
///
/// A through route is a path from a gate a to a gate b over interior edges that is shorter than
/// the way round from a to b by more than `margin` (so that a Manhattan detour of equal length, as
/// round the corner of a grid, does not count). The one reported is the route that saves most.
///
/// An untreated street grid has through routes: a straight interior street from one side of the
/// cell to the other is shorter than going round. That is the right answer for a grid before a
/// plan; a superblock takes the through traffic out by design (one-way loops that send a car back
/// to the side it came from, filters, the 10 km/h shared surface), which the street tags of a
/// plan model only as the traffic cut. One-way loops drawn into the data do show here.
public struct InteriorCheck: Sendable, Equatable {
    public var gateTolerance: Double
    public var snapTolerance: Double
    public var margin: Double
    public var respectsOneway: Bool

    public init(gateTolerance: Double = 2, snapTolerance: Double = 0.5, margin: Double = 1, respectsOneway: Bool = true) {
        self.gateTolerance = gateTolerance
        self.snapTolerance = snapTolerance
        self.margin = margin
        self.respectsOneway = respectsOneway
    }

    /// A street's driving direction, read as the road graph reads it.
    typealias Direction = RoadAccess.Direction

    static func direction(of street: DistrictFeature) -> Direction { RoadAccess.direction(of: street) }

    func throughRoute(cell: Geometry, streets: [(id: String, line: Geometry, direction: Direction)]) throws(GeometryError) -> ThroughRoute? {
        guard let ring = Self.exteriorRing(of: cell), ring.count >= 8 else { return nil }
        let grown = try cell.buffer(gateTolerance)
        var pieces: [Piece] = []
        for (owner, street) in streets.enumerated() {
            let clipped = try street.line.intersection(grown)
            for var xy in Self.lines(in: clipped.geoJSON) where xy.count >= 4 {
                // Overlay does not promise the input's direction: restore it from the street.
                let start = try Geometry.point(x: xy[0], y: xy[1], in: cell.context)
                let end = try Geometry.point(x: xy[xy.count - 2], y: xy[xy.count - 1], in: cell.context)
                if street.line.project(start) > street.line.project(end) { xy = Self.reversed(xy) }
                pieces.append(Piece(owner: owner, xy: xy))
            }
        }
        guard !pieces.isEmpty else { return nil }
        let graph = InteriorGraph(pieces: pieces, directions: streets.map { respectsOneway ? $0.direction : .both }, snap: snapTolerance)
        let boundary = RingMeasure(ring)
        let gates = graph.nodes.indices.filter { boundary.distance(graph.nodes[$0].x, graph.nodes[$0].y) <= gateTolerance + 1e-6 }
        guard gates.count >= 2 else { return nil }
        let positions = Dictionary(uniqueKeysWithValues: gates.map { ($0, boundary.position(graph.nodes[$0].x, graph.nodes[$0].y)) })

        var best: (from: Int, to: Int, length: Double, around: Double, previous: [Int?])?
        for from in gates {
            let (distance, previous) = graph.shortestPaths(from: from)
            for to in gates where to != from && distance[to].isFinite {
                let arc = abs(positions[from]! - positions[to]!)
                let around = min(arc, boundary.length - arc)
                guard distance[to] < around - margin else { continue }
                let saving = around - distance[to]
                if best == nil || saving > best!.around - best!.length + 1e-9 {
                    best = (from, to, distance[to], around, previous)
                }
            }
        }
        guard let best else { return nil }
        var edges: [Int] = []
        var node = best.to
        while node != best.from, let edge = best.previous[node] {
            edges.append(edge)
            node = graph.edges[edge].from
        }
        edges.reverse()
        var ids: [String] = []
        var path: [Double] = []
        for edge in edges {
            let id = streets[graph.edges[edge].owner].id
            if ids.last != id { ids.append(id) }
            let xy = graph.edges[edge].xy
            path += path.isEmpty ? xy : Array(xy.dropFirst(2))
        }
        return ThroughRoute(streetIDs: ids, path: path, length: best.length, aroundLength: best.around)
    }

    /// The exterior ring of a polygon, or of the largest part of a multipolygon.
    static func exteriorRing(of cell: Geometry) -> [Double]? {
        switch cell.kind {
        case .polygon: return cell.rings.first
        case .multiPolygon: return cell.parts.max { $0.area < $1.area }?.rings.first
        default: return nil
        }
    }

    /// The line parts of an overlay result (points where a street only touches are dropped).
    static func lines(in geometry: GeoJSONGeometry) -> [[Double]] {
        switch geometry {
        case .lineString(let xy): [xy]
        case .multiLineString(let lines): lines
        case .geometryCollection(let members): members.flatMap { lines(in: $0) }
        default: []
        }
    }

    static func reversed(_ xy: [Double]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(xy.count)
        var index = xy.count - 2
        while index >= 0 { out += [xy[index], xy[index + 1]]; index -= 2 }
        return out
    }

    struct Piece {
        var owner: Int
        var xy: [Double]
    }
}
