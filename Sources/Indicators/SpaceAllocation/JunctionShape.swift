import DistrictModel
import GeometryEngine

/// A junction's polygon, split by category, in one GEOS context.
///
/// DESIGN.md section 7: "a junction is the area where the bands of two or more streets overlap;
/// it is a unit of its own, with areas per category". Taken around each junction node, it is the
/// part of the plane covered by the outlines of at least two of the streets meeting there, within
/// `reach` half-widths of the node; junctions earlier in the global order keep what two of them
/// share, so every square metre belongs to one junction at most. Inside the junction the bands of
/// every street present share the area by the usual priority (`SpaceCategory`), so a crossing's
/// carriageway square is traffic and its corners are sidewalk.
struct JunctionShape {
    var node: JunctionNodes.Node
    /// The category pieces of the junction, disjoint.
    var pieces: [(category: SpaceCategory, polygon: Geometry)]
    /// Their union: what streets yield to the junction.
    var polygon: Geometry
    var envelope: Envelope

    /// How far from its node a junction may reach, in half-widths of the widest street there. A
    /// right-angled crossing of equal streets reaches sqrt(2) half-widths; shallow angles reach
    /// further, and what lies beyond stays with the streets by the priority rule.
    static let reach = 4.0

    /// Pieces smaller than this (m2, a square decimetre) are floating-point slivers where two
    /// outlines graze each other, not junction space: they stay with the streets, and a junction
    /// made only of them is none (the Eixample extract had 31 junction rows of 0.00 m2).
    static let minimumPieceArea = 0.01

    /// The junctions of `nodes`, in their order; nil where the streets do not overlap.
    static func build(nodes: [JunctionNodes.Node], shapes: [StreetShape], bandIndex: BandIndex,
                      context: GeometryContext) throws(GeometryError) -> [JunctionShape?] {
        var built: [JunctionShape?] = []
        built.reserveCapacity(nodes.count)
        var widest = 0.0
        for node in nodes {
            let halfWidth = node.streets.reduce(0.0) { max($0, shapes[$1].halfWidth) }
            widest = max(widest, halfWidth)
            let radius = reach * halfWidth
            guard radius > 0 else { built.append(nil); continue }
            let window = Envelope(minX: node.x - radius, minY: node.y - radius, maxX: node.x + radius, maxY: node.y + radius)
            // Earlier junctions near enough to share area with this one (sorted by y, then x).
            var earlier: [Geometry] = []
            var k = built.count - 1
            while k >= 0, node.y - nodes[k].y <= radius + reach * widest {
                if let other = built[k], other.envelope.intersects(window) { earlier.append(other.polygon) }
                k -= 1
            }
            built.append(try junction(at: node, window: window, shapes: shapes, earlier: earlier, bandIndex: bandIndex, context: context))
        }
        return built
    }

    static func junction(at node: JunctionNodes.Node, window: Envelope, shapes: [StreetShape], earlier: [Geometry],
                         bandIndex: BandIndex, context: GeometryContext) throws(GeometryError) -> JunctionShape? {
        let point = try Geometry.point(x: node.x, y: node.y, in: context)
        // Area covered twice or more: each outline against the union of those before it.
        var covered: Geometry?
        var overlaps: [Geometry] = []
        for (k, street) in node.streets.enumerated() {
            guard let outline = shapes[street].outline else { continue }
            let near = try outline.clippedArea(to: window)
            guard !near.isEmpty else { continue }
            if let covered {
                let overlap = try near.robustIntersection(covered)
                if !overlap.isEmpty { overlaps.append(overlap) }
            }
            // The last street's outline is not needed in the union.
            if k < node.streets.count - 1 {
                covered = try covered.map { c throws(GeometryError) in try Geometry.robustUnion(of: [c, near], in: context) } ?? near
            }
        }
        guard !overlaps.isEmpty else { return nil }
        var area = try Geometry.robustUnion(of: overlaps, in: context)
        // Only the overlap around this node (a street may meet another twice within the window).
        if area.partCount > 1 {
            let around = area.parts.filter { $0.intersects(point) }
            guard !around.isEmpty else { return nil }
            area = try Geometry.robustUnion(of: around, in: context)
        }
        if !earlier.isEmpty {
            area = try area.robustDifference(try Geometry.robustUnion(of: earlier, in: context))
        }
        guard !area.isEmpty, let envelope = area.envelope else { return nil }
        // Split by category: a planned square's own categories first, then by priority among
        // every other band present (not only the meeting streets').
        let present = bandIndex.bands(intersecting: envelope)
        let squares = present.contains { bandIndex.entries[$0].isSquare }
        var covers: [(category: SpaceCategory, polygons: [Geometry])] = []
        for round in squares ? [true, false] : [false] {
            for category in SpaceCategory.allCases {
                // The bands cut to the junction's box first (a linear clip, no overlay), so the
                // overlays below see a few small polygons, never whole streets.
                var cover: [Geometry] = []
                for band in present where bandIndex.category(band) == category && bandIndex.entries[band].isSquare == round {
                    let near = try bandIndex.polygon(band).clippedArea(to: envelope)
                    if !near.isEmpty { cover.append(near) }
                }
                if !cover.isEmpty { covers.append((category, cover)) }
            }
        }
        // When the meeting streets' bands fill their outlines, whatever the categories before
        // the last one leave is the last one's: its cover, intersection and difference, and the
        // union of the pieces (which is then the area itself), need no overlay.
        var lastTakesRest = node.streets.allSatisfy { shapes[$0].bandsFillOutline }
        var remaining = area
        var pieces: [(SpaceCategory, Geometry)] = []
        for (k, (category, cover)) in covers.enumerated() where !remaining.isEmpty {
            let isLast = k == covers.count - 1
            let covering = isLast && lastTakesRest ? nil : try Geometry.robustUnion(of: cover, in: context)
            let piece = try covering.map { c throws(GeometryError) in try remaining.robustIntersection(c) } ?? remaining
            guard piece.area >= minimumPieceArea else {
                // A sliver stays with the streets, so the pieces no longer add up to the area.
                lastTakesRest = false
                continue
            }
            if let same = pieces.firstIndex(where: { $0.0 == category }) {
                pieces[same].1 = try Geometry.robustUnion(of: [pieces[same].1, piece], in: context)
            } else {
                pieces.append((category, piece))
            }
            if let covering, !isLast { remaining = try remaining.robustDifference(covering) }
        }
        guard !pieces.isEmpty else { return nil }
        let polygon = lastTakesRest ? area : try Geometry.robustUnion(of: pieces.map(\.1), in: context)
        return JunctionShape(node: node, pieces: pieces, polygon: polygon, envelope: polygon.envelope ?? envelope)
    }
}
