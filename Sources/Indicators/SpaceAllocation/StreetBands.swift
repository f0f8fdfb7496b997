import DistrictModel
import GeometryEngine

/// Turns a centreline and its cross-section into band polygons, one per category and side.
///
/// Bands are rings between two buffer distances (round caps and joins, 8 segments a quadrant,
/// DESIGN.md section 4.1), so sidewalks wrap round corners and dead ends. Where the two sides
/// differ over a distance range, the ring is split by single-sided buffers into left and right.
struct StreetBands {
    /// Margin added to the single-sided halves so they cover the ring fully on their side.
    static let sideMargin = 0.5

    /// Up to this ratio of their distances, two buffers of one line are strictly nested. A buffer's
    /// boundary lies between d (cos(pi/16) - 0.01) and 1.01 d from the line: its arcs are chords of
    /// 8 segments a quadrant, and GEOS first simplifies the line by 1 % of d (BufferParameters'
    /// default simplify factor). So a < 0.96 b keeps the inner boundary inside the outer one.
    static let nestingRatio = 0.95

    /// The bands, and the outline: the buffer at the section's widest distance on both sides, which
    /// holds every band (the junction finder overlaps outlines).
    static func polygons(of line: Geometry, section: CrossSection) throws(GeometryError)
        -> (bands: [(category: SpaceCategory, polygon: Geometry)], outline: Geometry?) {
        let left = section.intervals(onLeft: true), right = section.intervals(onLeft: false)
        var breaks = Set<Double>([0])
        for interval in left + right { breaks.insert(interval.from); breaks.insert(interval.to) }
        let distances = breaks.sorted()
        guard distances.count >= 2 else { return ([], nil) }

        func category(_ intervals: [(from: Double, to: Double, category: SpaceCategory)], _ a: Double, _ b: Double) -> SpaceCategory? {
            intervals.first { $0.from <= a && b <= $0.to }?.category
        }

        var result: [(SpaceCategory, Geometry)] = []
        var inner: Geometry?
        for (a, b) in zip(distances, distances.dropFirst()) where b > a {
            let outer = try line.buffer(b)
            var ring = outer
            if let inner {
                // Buffers of one line at two distances nest strictly when the distances are far
                // enough apart, and the ring is then their two boundaries; an overlay only for
                // close distances, or where a buffer has holes or parts.
                if a <= Self.nestingRatio * b, let annulus = try Geometry.annulus(outer: outer, inner: inner) {
                    ring = annulus
                } else {
                    ring = try outer.difference(inner)
                }
            }
            inner = outer
            let onLeft = category(left, a, b), onRight = category(right, a, b)
            if onLeft == onRight {
                if let onLeft { result.append((onLeft, ring)) }
                continue
            }
            if let onLeft {
                let half = try line.buffer(b + sideMargin, style: BufferStyle(cap: .flat, singleSided: true))
                result.append((onLeft, try ring.robustIntersection(half)))
            }
            if let onRight {
                let half = try line.buffer(-(b + sideMargin), style: BufferStyle(cap: .flat, singleSided: true))
                result.append((onRight, try ring.robustIntersection(half)))
            }
        }
        return (result, inner)
    }

    /// Whether both sides carry the same categories over the same distances: then every ring is
    /// one band, and the bands fill the outline.
    static func isSymmetric(_ section: CrossSection) -> Bool {
        let left = section.intervals(onLeft: true), right = section.intervals(onLeft: false)
        return left.count == right.count && zip(left, right).allSatisfy { $0.from == $1.from && $0.to == $1.to && $0.category == $1.category }
    }
}
