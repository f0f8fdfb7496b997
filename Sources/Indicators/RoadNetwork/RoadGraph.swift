import DistrictModel
import GeoJSON

/// The directed graph of the streets a car may drive, in flat arrays (compressed sparse rows:
/// the outgoing edges of node `n` are `firstEdge[n] ..< firstEdge[n + 1]`), so that a shortest-path
/// search touches contiguous memory and the whole graph is a few arrays of numbers.
///
/// - Nodes are the street ends and every vertex two streets (or one street twice) share, in the
///   district's metric CRS. Coordinates are compared to the centimetre: OSM ways that meet share
///   a node, and the generated grids share exact corners. Streets that cross without a shared
///   vertex (bridges, tunnels) do not connect.
/// - An edge runs between consecutive nodes along a street; its length is the centreline's between
///   them (m), its time length / speed, the speed `maxspeed`, else the class speed of
///   `TrafficDefaults` (10 km/h on `superblock=interior`). One-way streets give one edge, others
///   two (see `RoadAccess.direction`), unless `respectsOneway` is false.
/// - Each edge carries its street (an index into the streets the graph was built from) and its
///   `RoadAccess`.
public struct RoadGraph: Sendable {
    public struct Options: Sendable, Equatable {
        public var respectsOneway: Bool
        public var defaults: TrafficDefaults

        public init(respectsOneway: Bool = true, defaults: TrafficDefaults = TrafficDefaults()) {
            self.respectsOneway = respectsOneway
            self.defaults = defaults
        }
    }

    public private(set) var nodeX: [Double] = []
    public private(set) var nodeY: [Double] = []
    /// Outgoing edges of node n: `firstEdge[n] ..< firstEdge[n + 1]` (count: nodes + 1).
    public private(set) var firstEdge: [Int32] = [0]
    public private(set) var edgeSource: [Int32] = []
    public private(set) var edgeTarget: [Int32] = []
    /// Metres.
    public private(set) var edgeLength: [Double] = []
    /// Seconds.
    public private(set) var edgeTime: [Double] = []
    /// Index of the edge's street in the streets given to `init`.
    public private(set) var edgeStreet: [Int32] = []
    public private(set) var edgeAccessOnly: [Bool] = []
    /// True when a node touches an open edge (in or out): trips from it start on the open network.
    public private(set) var nodeIsOpen: [Bool] = []
    /// The streets' ids, by street index.
    public private(set) var streetIDs: [String] = []
    /// Streets in the graph (a motor road with a line geometry).
    public private(set) var includesStreet: [Bool] = []
    /// Centreline length of each street in the graph (m; 0 for streets not in it).
    public private(set) var streetLength: [Double] = []

    public var nodeCount: Int { nodeX.count }
    public var edgeCount: Int { edgeTarget.count }

    /// - Parameters:
    ///   - streets: the street features (e.g. `district.streets`); edges refer to them by index.
    ///   - access: overrides the tags' access per street index (e.g. a plan's interiors).
    public init(streets: [DistrictFeature], options: Options = Options(), access override: [Int: RoadAccess] = [:]) {
        streetIDs = streets.map(\.id)
        includesStreet = [Bool](repeating: false, count: streets.count)
        streetLength = [Double](repeating: 0, count: streets.count)
        var lines: [(street: Int, xy: [Double])] = []
        for (index, street) in streets.enumerated() where RoadAccess.of(street) != nil {
            switch street.geometry {
            case .lineString(let xy) where xy.count >= 4: lines.append((index, xy))
            case .multiLineString(let parts): for xy in parts where xy.count >= 4 { lines.append((index, xy)) }
            default: break
            }
        }

        // Nodes: every end, and every vertex met more than once.
        var seen: [Key: Int32] = [:]
        for line in lines {
            var index = 0
            while index + 1 < line.xy.count {
                seen[Key(line.xy[index], line.xy[index + 1]), default: 0] += 1
                index += 2
            }
        }
        var nodeOf: [Key: Int32] = [:]
        func node(_ x: Double, _ y: Double) -> Int32 {
            let key = Key(x, y)
            if let existing = nodeOf[key] { return existing }
            let new = Int32(nodeX.count)
            nodeOf[key] = new
            nodeX.append(x)
            nodeY.append(y)
            return new
        }

        var sources: [Int32] = [], targets: [Int32] = [], lengths: [Double] = [], times: [Double] = []
        var owners: [Int32] = [], accessOnly: [Bool] = []
        for line in lines {
            let street = streets[line.street]
            let access = override[line.street] ?? RoadAccess.of(street) ?? .open
            let direction = options.respectsOneway ? RoadAccess.direction(of: street) : .both
            let speed = Self.speed(of: street, defaults: options.defaults)
            includesStreet[line.street] = true
            let xy = line.xy
            var start = node(xy[0], xy[1])
            var length = 0.0
            var index = 2
            while index + 1 < xy.count {
                let dx = xy[index] - xy[index - 2], dy = xy[index + 1] - xy[index - 1]
                length += (dx * dx + dy * dy).squareRoot()
                let last = index == xy.count - 2
                if last || (seen[Key(xy[index], xy[index + 1])] ?? 0) > 1 {
                    let end = node(xy[index], xy[index + 1])
                    if end != start, length > 0 {
                        streetLength[line.street] += length
                        for (a, b, allowed) in [(start, end, direction != .backward), (end, start, direction != .forward)] where allowed {
                            sources.append(a)
                            targets.append(b)
                            lengths.append(length)
                            times.append(length / (speed / 3.6))
                            owners.append(Int32(line.street))
                            accessOnly.append(access == .accessOnly)
                        }
                    }
                    start = end
                    length = 0
                }
                index += 2
            }
        }

        // Compressed rows: a stable counting sort of the edges by source.
        let n = nodeX.count
        var counts = [Int32](repeating: 0, count: n + 1)
        for source in sources { counts[Int(source) + 1] += 1 }
        for index in 0..<n { counts[index + 1] += counts[index] }
        firstEdge = counts
        var slot = counts
        let m = sources.count
        edgeSource = [Int32](repeating: 0, count: m)
        edgeTarget = edgeSource
        edgeStreet = edgeSource
        edgeLength = [Double](repeating: 0, count: m)
        edgeTime = edgeLength
        edgeAccessOnly = [Bool](repeating: false, count: m)
        nodeIsOpen = [Bool](repeating: false, count: n)
        for edge in 0..<m {
            let position = Int(slot[Int(sources[edge])])
            slot[Int(sources[edge])] += 1
            edgeSource[position] = sources[edge]
            edgeTarget[position] = targets[edge]
            edgeLength[position] = lengths[edge]
            edgeTime[position] = times[edge]
            edgeStreet[position] = owners[edge]
            edgeAccessOnly[position] = accessOnly[edge]
            if !accessOnly[edge] {
                nodeIsOpen[Int(sources[edge])] = true
                nodeIsOpen[Int(targets[edge])] = true
            }
        }
    }

    /// Daily flow per street from flows per edge: vehicle-metres over the street's length (both
    /// directions of a two-way street add up), 0 for streets outside the graph.
    public func streetFlows(_ edgeFlow: [Double]) -> [Double] {
        var vehicleMetres = [Double](repeating: 0, count: streetIDs.count)
        for edge in 0..<edgeCount { vehicleMetres[Int(edgeStreet[edge])] += edgeFlow[edge] * edgeLength[edge] }
        return vehicleMetres.indices.map { streetLength[$0] > 0 ? vehicleMetres[$0] / streetLength[$0] : 0 }
    }

    /// Whether any edge is access only (searches then need the three phases).
    public var hasAccessOnlyEdges: Bool { edgeAccessOnly.contains(true) }

    /// The node at (x, y) to the centimetre, if any.
    public func node(atX x: Double, y: Double) -> Int? {
        nodeIndex[Key(x, y)].map(Int.init)
    }

    /// Node ids by coordinate key, built on demand by `node(atX:y:)`'s callers through `indexed()`.
    private var nodeIndex: [Key: Int32] = [:]

    /// The graph with its node index filled (for matching the nodes of two layouts).
    public func indexed() -> RoadGraph {
        var copy = self
        copy.nodeIndex = Dictionary(uniqueKeysWithValues: (0..<nodeCount).map { (Key(nodeX[$0], nodeY[$0]), Int32($0)) })
        return copy
    }

    /// km/h: `maxspeed`, else 10 in superblock interiors, else the class speed.
    static func speed(of street: DistrictFeature, defaults: TrafficDefaults) -> Double {
        if let text = street.attributes.string("maxspeed"), let speed = TagValue.kilometresPerHour(text), AttributeLimits.speed.contains(speed) {
            return speed
        }
        if street.attributes.string("superblock") == "interior" { return 10 }
        return defaults.speed(for: street.highway ?? "road")
    }

    /// A coordinate to the centimetre.
    struct Key: Hashable {
        var x: Int64
        var y: Int64
        init(_ x: Double, _ y: Double) {
            self.x = Int64((x * 100).rounded())
            self.y = Int64((y * 100).rounded())
        }
    }
}

extension RoadGraph {
    /// For each group of streets (a cell's interior streets), the nodes of their edges, ascending;
    /// one pass over the edges for all groups.
    public func nodes(ofStreetGroups groups: [[Int]]) -> [[Int]] {
        var groupsOfStreet: [Int: [Int]] = [:]
        for (group, streets) in groups.enumerated() { for street in streets { groupsOfStreet[street, default: []].append(group) } }
        var found = groups.map { _ in Set<Int>() }
        for edge in 0..<edgeCount {
            guard let owners = groupsOfStreet[Int(edgeStreet[edge])] else { continue }
            for group in owners {
                found[group].insert(Int(edgeSource[edge]))
                found[group].insert(Int(edgeTarget[edge]))
            }
        }
        return found.map { $0.sorted() }
    }

    /// The nodes of the given streets' edges, ascending.
    public func nodes(ofStreets streets: Set<Int>) -> [Int] {
        var found = Set<Int>()
        for edge in 0..<edgeCount where streets.contains(Int(edgeStreet[edge])) {
            found.insert(Int(edgeSource[edge]))
            found.insert(Int(edgeTarget[edge]))
        }
        return found.sorted()
    }
}
