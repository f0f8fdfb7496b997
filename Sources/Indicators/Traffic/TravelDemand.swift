import DistrictModel
import GeoJSON

/// The settings of the traffic demand model (`TrafficModel`). Every figure is an assumption,
/// stated as such; the class scaling (`TrafficModel`) anchors the absolute level to the class
/// defaults, so these set only how flows vary between streets.
///
/// | value | default | meaning, source |
/// |---|---|---|
/// | `carTripsPerResident` | 0.6 a day | car-driver trips a resident makes: an assumption of the order of Barcelona's (about 3 trips a resident a day, about a fifth of them by private motor vehicle) |
/// | `carTripsPerSquareMetre` | 0.02 a day | car trips attracted by a square metre of non-residential floor (2 per 100 m2): an assumption for urban shops and offices |
/// | `decayPerMinute` | 0.1 | gravity deterrence exp(-0.1 t), t in minutes: an assumption (trips within a district are short; the main effect is which way they go, not how far) |
/// | `throughShare` | 0.5 | share of a boundary street's class-default flow that crosses the district: an assumption |
/// | `boundaryDistance` | 30 m | a dead end this close to the edge of the graph's extent is a boundary crossing |
public struct TravelDemandOptions: Sendable, Equatable {
    public var carTripsPerResident: Double
    public var carTripsPerSquareMetre: Double
    public var decayPerMinute: Double
    public var throughShare: Double
    public var boundaryDistance: Double

    public init(carTripsPerResident: Double = 0.6, carTripsPerSquareMetre: Double = 0.02, decayPerMinute: Double = 0.1,
                throughShare: Double = 0.5, boundaryDistance: Double = 30) {
        self.carTripsPerResident = carTripsPerResident
        self.carTripsPerSquareMetre = carTripsPerSquareMetre
        self.decayPerMinute = decayPerMinute
        self.throughShare = throughShare
        self.boundaryDistance = boundaryDistance
    }
}

/// Where car trips start and end: zones at graph nodes, by position so that the same demand
/// serves the network before and after a plan.
///
/// - A zone is the graph node nearest to a building's centre (the mean of its outer ring's
///   vertices); it gets the building's residents x `carTripsPerResident` and its non-residential
///   floor area x `carTripsPerSquareMetre` as trips a day, produced and attracted alike.
/// - A boundary crossing is a dead end of the graph within `boundaryDistance` of the edge of its
///   extent: a street that leaves the district. Its weight is `throughShare` x the class-default
///   daily flow of its street; crossings exchange through trips in proportion to both weights
///   (w_a w_b / sum of the others' w) and attract zone trips like a zone of that weight.
public struct TravelDemand: Sendable {
    public struct Zone: Sendable, Equatable {
        public var x: Double
        public var y: Double
        /// Trips a day produced (and attracted).
        public var trips: Double
        /// True for a boundary crossing (through traffic).
        public var isBoundary: Bool

        public init(x: Double, y: Double, trips: Double, isBoundary: Bool) {
            self.x = x
            self.y = y
            self.trips = trips
            self.isBoundary = isBoundary
        }
    }

    public var zones: [Zone]

    public init(zones: [Zone]) {
        self.zones = zones
    }

    /// Trips a day that start at a zone (internal) and through trips (boundary to boundary).
    public var residentTrips: Double { zones.filter { !$0.isBoundary }.reduce(0) { $0 + $1.trips } }
    public var boundaryWeight: Double { zones.filter(\.isBoundary).reduce(0) { $0 + $1.trips } }

    /// The demand of a district on its road graph.
    /// - Parameter population: one per building of `district.buildings` (as `PopulationEstimator` gives).
    public static func estimate(district: District, graph: RoadGraph, population: [BuildingPopulation],
                                options: TravelDemandOptions = TravelDemandOptions(), defaults: TrafficDefaults = TrafficDefaults()) -> TravelDemand {
        guard graph.nodeCount > 0 else { return TravelDemand(zones: []) }
        let nearest = NearestNode(graph: graph)
        var trips = [Double](repeating: 0, count: graph.nodeCount)
        let estimator = PopulationEstimator()
        for (index, building) in district.buildings.enumerated() where index < population.count {
            guard let centre = Self.centre(of: building.geometry), let node = nearest.node(x: centre.x, y: centre.y) else { continue }
            let people = population[index].population
            let activity = estimator.isResidential(building) ? 0 : population[index].floorArea
            trips[node] += people * options.carTripsPerResident + activity * options.carTripsPerSquareMetre
        }
        var zones: [Zone] = []
        for node in 0..<graph.nodeCount where trips[node] > 0 {
            zones.append(Zone(x: graph.nodeX[node], y: graph.nodeY[node], trips: trips[node], isBoundary: false))
        }
        // Boundary crossings: dead ends (one neighbouring node) near the extent's edge.
        let minX = graph.nodeX.min()!, maxX = graph.nodeX.max()!, minY = graph.nodeY.min()!, maxY = graph.nodeY.max()!
        var neighbours = [Set<Int32>](repeating: [], count: graph.nodeCount)
        var streetAt = [Int](repeating: -1, count: graph.nodeCount)
        for edge in 0..<graph.edgeCount where !graph.edgeAccessOnly[edge] {
            let a = Int(graph.edgeSource[edge]), b = Int(graph.edgeTarget[edge])
            neighbours[a].insert(Int32(b))
            neighbours[b].insert(Int32(a))
            streetAt[a] = Int(graph.edgeStreet[edge])
            streetAt[b] = Int(graph.edgeStreet[edge])
        }
        let streets = district.streets
        for node in 0..<graph.nodeCount where neighbours[node].count == 1 {
            let x = graph.nodeX[node], y = graph.nodeY[node]
            let edgeDistance = min(x - minX, maxX - x, y - minY, maxY - y)
            guard edgeDistance <= options.boundaryDistance, streetAt[node] >= 0, streetAt[node] < streets.count else { continue }
            let flow = defaults.dailyFlow(for: streets[streetAt[node]].highway ?? "road") ?? 0
            if flow > 0 { zones.append(Zone(x: x, y: y, trips: flow * options.throughShare, isBoundary: true)) }
        }
        return TravelDemand(zones: zones)
    }

    /// The mean of a polygon's outer ring vertices (a building's rough centre, enough to find its street corner).
    static func centre(of geometry: GeoJSONGeometry) -> (x: Double, y: Double)? {
        let ring: [Double]
        switch geometry {
        case .polygon(let rings): guard let first = rings.first else { return nil }; ring = first
        case .multiPolygon(let polygons): guard let first = polygons.first?.first else { return nil }; ring = first
        case .point(let x, let y): return (x, y)
        default: return nil
        }
        let count = ring.count / 2
        guard count > 0 else { return nil }
        var x = 0.0, y = 0.0
        for index in 0..<count {
            x += ring[2 * index]
            y += ring[2 * index + 1]
        }
        return (x / Double(count), y / Double(count))
    }
}

/// The graph node nearest to a point, by a uniform grid of 100 m buckets searched ring by ring.
struct NearestNode {
    let graph: RoadGraph
    let size = 100.0
    var buckets: [Int64: [Int32]] = [:]

    init(graph: RoadGraph) {
        self.graph = graph
        for node in 0..<graph.nodeCount { buckets[key(Int64((graph.nodeX[node] / size).rounded(.down)), Int64((graph.nodeY[node] / size).rounded(.down))), default: []].append(Int32(node)) }
    }

    func key(_ i: Int64, _ j: Int64) -> Int64 { i &* 73_856_093 ^ j &* 19_349_663 }

    func node(x: Double, y: Double) -> Int? {
        let i = Int64((x / size).rounded(.down)), j = Int64((y / size).rounded(.down))
        var best = -1, bestDistance = Double.infinity
        var ring: Int64 = 0
        while ring < 50 {
            for di in -ring...ring {
                for dj in -ring...ring where abs(di) == ring || abs(dj) == ring {
                    for node in buckets[key(i + di, j + dj)] ?? [] {
                        let dx = graph.nodeX[Int(node)] - x, dy = graph.nodeY[Int(node)] - y
                        let distance = dx * dx + dy * dy
                        if distance < bestDistance || (distance == bestDistance && Int(node) < best) { (best, bestDistance) = (Int(node), distance) }
                    }
                }
            }
            // Anything in a further ring is at least `ring` buckets away.
            if best >= 0, bestDistance.squareRoot() <= Double(ring) * size { break }
            ring += 1
        }
        return best >= 0 ? best : nil
    }
}
