import DistrictModel
import GeoJSON
import GeometryEngine

/// A crossing of interior streets turned into a square by `superblock plan --squares`.
///
/// The Superilla Barcelona plan turns the crossings of its green axes into squares (21 of them,
/// about 2,000 m2 each, DESIGN.md section 4.5). Here a square is the crossing's carriageway as the
/// allocation measured it before the plan (the junction's traffic, parking, cycle and shared
/// pieces; its sidewalk corners stay sidewalk), split as the plan splits the interior
/// carriageways: `greenShare` of it becomes a planter at its centre, the rest pedestrian space.
/// A motor lane kept on the interior streets (shared + green < 1) does not cross a square: the
/// square closes the crossing to through traffic, and access and emergency vehicles use its
/// surface at walking pace, as in the Barcelona squares.
public struct PlannedSquare: Sendable, Equatable {
    /// `square-<junction id>`; the planter is `square-<junction id>-green`.
    public var id: String
    /// The junction of the before layout (`junctions.csv`).
    public var junctionID: String
    public var cellID: String
    /// Ids of the interior streets that meet there.
    public var streetIDs: [String]
    /// The junction node (district CRS).
    public var x: Double
    public var y: Double
    /// The square's surface (m2): the crossing's carriageway before the plan.
    public var area: Double
    /// Of which planted (m2).
    public var greenArea: Double
    /// The pedestrian part and the planter, in the district's metric CRS.
    public var pedestrian: GeoJSONGeometry
    public var green: GeoJSONGeometry?

    /// The square as features of the after layout: area streets (`highway=pedestrian`, `area=yes`
    /// and a planter, `area:highway=planter`), with `superblock:square` naming the junction, which
    /// tells the allocator that inside the junction they take precedence over the streets' bands.
    /// - Parameter transform: from the district's metric CRS to the output file's coordinates.
    public func features(marker: String, transform: ([Double]) throws -> [Double]) rethrows -> [Feature] {
        func converted(_ geometry: GeoJSONGeometry) throws -> GeoJSONGeometry {
            switch geometry {
            case .polygon(let rings): .polygon(try rings.map(transform))
            case .multiPolygon(let polygons): .multiPolygon(try polygons.map { try $0.map(transform) })
            default: geometry
            }
        }
        let common: [String: PropertyValue] = [
            "layer": "street", "superblock:square": .string(junctionID), "superblock:cell": .string(cellID), "superblock:plan": .string(marker),
        ]
        var square = common
        square["id"] = .string(id)
        square["highway"] = "pedestrian"
        square["area"] = "yes"
        square["place"] = "square"
        var result = [Feature(id: id, properties: square, geometry: try converted(pedestrian))]
        if let green {
            var planter = common
            planter["id"] = .string(id + "-green")
            planter["area:highway"] = "planter"
            result.append(Feature(id: id + "-green", properties: planter, geometry: try converted(green)))
        }
        return result
    }
}

/// Finds the crossings where only the interior streets of one cell meet and draws their squares.
enum JunctionSquares {
    /// Categories of a junction that belong to its carriageway.
    static let carriageway: Set<SpaceCategory> = [.traffic, .parking, .cycle, .shared]

    static func squares(of allocation: SpaceAllocation, cells: [SuperblockCell], streets: [DistrictFeature], greenShare: Double,
                        context: GeometryContext) throws(GeometryError) -> [PlannedSquare] {
        var cellOfStreet: [String: Int] = [:]
        for (cellIndex, cell) in cells.enumerated() {
            for index in cell.interiorStreets { cellOfStreet[streets[index].id] = cellIndex }
        }
        var carriagewayPieces: [Int: [Geometry]] = [:]
        for piece in allocation.pieces where carriageway.contains(piece.category) {
            guard case .junction(let index) = piece.owner else { continue }
            carriagewayPieces[index, default: []].append(try Geometry.fromWKB(piece.wkb, in: context))
        }
        var squares: [PlannedSquare] = []
        for (index, junction) in allocation.junctions.enumerated() {
            // Every street there interior to the same cell: a crossing inside the superblock.
            let owners = Set(junction.streets.map { cellOfStreet[$0] })
            guard owners.count == 1, let only = owners.first, let cellIndex = only, let pieces = carriagewayPieces[index] else { continue }
            let surface = pieces.count == 1 ? pieces[0] : try Geometry.robustUnion(of: pieces, in: context)
            let area = surface.area
            guard area > 0 else { continue }
            let planter = greenShare > 0 ? try Self.planter(of: surface, share: greenShare, context: context) : nil
            let walkable = try planter.map { p throws(GeometryError) in try surface.robustDifference(p) } ?? surface
            guard let pedestrian = Self.geoJSON(walkable) else { continue }
            squares.append(PlannedSquare(
                id: "square-\(junction.id)", junctionID: junction.id, cellID: cells[cellIndex].id, streetIDs: junction.streets,
                x: junction.x, y: junction.y, area: area, greenArea: planter?.area ?? 0,
                pedestrian: pedestrian, green: planter.flatMap(Self.geoJSON)))
        }
        return squares
    }

    /// Each part of `surface` shrunk about its centroid so its area is `share` of the part's: a
    /// planter of the square's own shape, at its centre. Cut to the surface, for shapes that are
    /// not star-shaped about their centroid.
    static func planter(of surface: Geometry, share: Double, context: GeometryContext) throws(GeometryError) -> Geometry? {
        let factor = share.squareRoot()
        var shrunk: [Geometry] = []
        for part in surface.kind == .polygon ? [surface] : surface.parts where part.kind == .polygon {
            let centre = try part.centroid().coordinates
            guard centre.count == 2 else { continue }
            let rings = part.rings.map { ring in
                var xy = ring
                for k in stride(from: 0, to: xy.count - 1, by: 2) {
                    xy[k] = centre[0] + (xy[k] - centre[0]) * factor
                    xy[k + 1] = centre[1] + (xy[k + 1] - centre[1]) * factor
                }
                return xy
            }
            shrunk.append(try Geometry.polygon(rings, in: context))
        }
        guard !shrunk.isEmpty else { return nil }
        let all = shrunk.count == 1 ? shrunk[0] : try Geometry.robustUnion(of: shrunk, in: context)
        let inside = try all.robustIntersection(surface).areal()
        return inside.area > 0 ? inside : nil
    }

    static func geoJSON(_ geometry: Geometry) -> GeoJSONGeometry? {
        let polygons = (geometry.kind == .polygon ? [geometry] : geometry.parts.filter { $0.kind == .polygon }).filter { $0.area > 0 }
        switch polygons.count {
        case 0: return nil
        case 1: return .polygon(polygons[0].rings)
        default: return .multiPolygon(polygons.map(\.rings))
        }
    }
}
