import DistrictModel
import GeometryEngine

/// What each street keeps of its bands: not the junctions, and not where a band of higher priority
/// (or of the same category and an earlier street) overlaps it (DESIGN.md sections 4.1 and 7).
///
/// The junctions are taken out of every band first. What is left of two streets meeting at a
/// junction then only touches, and a box test (shrunk by a centimetre) proves it for the common
/// case of straight streets, so the overlay that resolves an overlap runs only where streets
/// really overlap outside junctions: a separately mapped sidewalk along its road, two ways of one
/// street meeting end to end, a bridge over a road.
struct StreetClaims {
    let bands: BandIndex
    let junctions: [JunctionShape]
    private let junctionIndex: SpatialIndex?
    let context: GeometryContext
    /// Bands with the junctions taken out, made when first needed.
    private var reduced: [Int: Geometry] = [:]

    /// Boxes closer than this are taken as touching, not overlapping (metres).
    static let touchTolerance = 0.01

    init(bands: BandIndex, junctions: [JunctionShape], context: GeometryContext) throws(GeometryError) {
        self.bands = bands
        self.junctions = junctions
        junctionIndex = junctions.isEmpty ? nil : try SpatialIndex(junctions.map(\.polygon))
        self.context = context
    }

    /// Band `entry` less every junction.
    mutating func reducedBand(_ entry: Int) throws(GeometryError) -> Geometry {
        if let done = reduced[entry] { return done }
        let band = bands.entries[entry]
        var result = band.polygon
        if let junctionIndex {
            var meeting = junctionIndex.query(band.envelope).map { junctions[$0].polygon }
            // A long or winding band's box holds many junctions it never reaches; only those it
            // meets go into the union and the difference.
            if meeting.count > 1 {
                let prepared = try PreparedGeometry(band.polygon)
                meeting = meeting.filter { prepared.intersects($0) }
            }
            if !meeting.isEmpty {
                result = try result.robustDifference(try Geometry.robustUnion(of: meeting, in: context))
            }
        }
        reduced[entry] = result
        return result
    }

    /// The pieces street `position` claims, per category.
    mutating func claims(of position: Int) throws(GeometryError) -> [(category: SpaceCategory, polygon: Geometry)] {
        let own = bands.entriesOfStreet(position)
        var result: [(SpaceCategory, Geometry)] = []
        for category in SpaceCategory.allCases {
            let mine = own.filter { bands.entries[$0].category == category }
            guard !mine.isEmpty else { continue }
            var pieces: [Geometry] = []
            for entry in mine {
                let piece = try reducedBand(entry)
                if !piece.isEmpty { pieces.append(piece) }
            }
            guard !pieces.isEmpty else { continue }
            var piece = try Geometry.robustUnion(of: pieces, in: context)
            guard let box = piece.envelope?.expanded(by: -Self.touchTolerance) else { continue }
            var blockers: [Geometry] = []
            var prepared: PreparedGeometry?
            for entry in bands.bands(intersecting: box) {
                let other = bands.entries[entry]
                guard other.street != position,
                      other.category < category || (other.category == category && other.street < position),
                      other.envelope.expanded(by: -Self.touchTolerance).intersects(box) else { continue }
                let blocker = try reducedBand(entry)
                guard let blockerBox = blocker.envelope?.expanded(by: -Self.touchTolerance), blockerBox.intersects(box) else { continue }
                // Only the part near this street can take anything from it.
                let near = try blocker.clippedArea(to: box.expanded(by: 2 * Self.touchTolerance))
                guard !near.isEmpty else { continue }
                // Boxes of winding streets overlap widely; what does not even touch the piece
                // cannot take anything from it.
                if prepared == nil { prepared = try PreparedGeometry(piece) }
                if prepared!.intersects(near) { blockers.append(near) }
            }
            if !blockers.isEmpty {
                piece = try piece.verifiedDifference(try Geometry.robustUnion(of: blockers, in: context))
            }
            if piece.area > 0 { result.append((category, piece)) }
        }
        return result
    }
}
