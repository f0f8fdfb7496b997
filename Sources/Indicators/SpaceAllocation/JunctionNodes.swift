import DistrictModel
import GeoJSON

/// The points where streets meet: the vertices shared by three or more street arms.
///
/// OpenStreetMap ways meet at shared nodes, and the city's open-data street graphs are noded the
/// same way, so junctions are found from the centrelines' own vertices (to the centimetre), not
/// from band overlaps: a separately mapped sidewalk overlapping its road all along, or two ways of
/// one street meeting end to end, are not junctions. A vertex counts one arm for each way that ends
/// there and two for each way that passes through; three arms or more from at least two ways make a
/// junction (a T, a crossing, a footway crossing a road at its crossing node). Bridges cross
/// without a shared node and stay apart.
struct JunctionNodes {
    struct Node: Sendable {
        var x: Double
        var y: Double
        /// Positions of the streets meeting here, ascending.
        var streets: [Int]
    }

    /// Junctions in a global order (south to north, then west to east) that does not depend on
    /// which streets were loaded, so strips measured in parallel agree on who yields to whom.
    let nodes: [Node]

    /// - Parameter eligible: positions whose centrelines take part (streets with band polygons).
    init(streets: [DistrictFeature], eligible: [Int]) {
        struct Key: Hashable { var x: Int64; var y: Int64 }
        var arms: [Key: (x: Double, y: Double, count: Int, streets: [Int])] = [:]
        func add(_ x: Double, _ y: Double, _ street: Int, _ count: Int) {
            let key = Key(x: Int64((x * 100).rounded()), y: Int64((y * 100).rounded()))
            var entry = arms[key] ?? (x, y, 0, [])
            entry.count += count
            if entry.streets.last != street { entry.streets.append(street) }
            arms[key] = entry
        }
        for position in eligible {
            for line in Self.lines(of: streets[position].geometry) {
                let points = line.count / 2
                guard points >= 2 else { continue }
                let closed = line[0] == line[line.count - 2] && line[1] == line[line.count - 1]
                for k in 0..<(closed ? points - 1 : points) {
                    let end = !closed && (k == 0 || k == points - 1)
                    add(line[2 * k], line[2 * k + 1], position, end ? 1 : 2)
                }
            }
        }
        nodes = arms.values
            .compactMap { entry -> Node? in
                let distinct = Array(Set(entry.streets)).sorted()
                return entry.count >= 3 && distinct.count >= 2 ? Node(x: entry.x, y: entry.y, streets: distinct) : nil
            }
            .sorted { ($0.y, $0.x) < ($1.y, $1.x) }
    }

    static func lines(of geometry: GeoJSONGeometry) -> [[Double]] {
        switch geometry {
        case .lineString(let xy): [xy]
        case .multiLineString(let lines): lines
        default: []
        }
    }
}
