import CNOSSOS
import DistrictModel
import GeoJSON
import GeometryEngine

/// Road-traffic noise for a district: emission per street and period, levels at the most exposed
/// facade of each building, and residents by level.
///
/// Receivers are placed with GEOS in the calling task; the propagation sums, which are most of the
/// work, run on plain Sendable arrays in a task group, one chunk of buildings per child.
public struct NoiseModel: Sendable {
    public var options: NoiseOptions
    /// Told of the receiver stage and of each building done (nil: nobody is told).
    public var progress: (any ProgressReporter)?

    public init(options: NoiseOptions = NoiseOptions(), progress: (any ProgressReporter)? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Traffic and emission of every street.
    public func streetNoise(_ district: District) -> [StreetNoise] {
        district.streets.map { street in
            let traffic = options.traffic.traffic(of: street)
            let model = EmissionModel(options.conditions(surface: traffic.surface))
            let emission = PerPeriod { period -> BandLevels? in
                let flows = traffic.flows[period].filter { $0.value.vehiclesPerHour > 0 && $0.value.speedKmh > 0 }
                return flows.isEmpty ? nil : model.emission(flows).total
            }
            return StreetNoise(id: street.id, traffic: traffic, emission: emission)
        }
    }

    /// - Parameter baseline: a layout analysed already (`compare`'s before layout): buildings that no
    ///   street of changed emission reaches take its levels (`NoiseBaseline`).
    public func analyse(_ district: District, population: [BuildingPopulation], baseline: NoiseBaseline? = nil) async throws(GeometryError)
        -> NoiseAnalysis {
        let progress = self.progress
        progress?.beginStage("noise at facades", total: district.buildings.count)  // a receiver set per building
        let streets = streetNoise(district)
        let sources = Self.sources(district.streets, streets)
        let receivers = try receiverPoints(district)
        let grid = SourceGrid(polylines: sources.map(\.polyline))
        let settings = options
        let scene = options.method == .cnossos ? cnossosScene(district) : nil
        let screen = options.screening && scene == nil ? Self.screen(district) : nil
        let needed = baseline.flatMap { buildingsToCompute(district, sources: sources, grid: grid, receivers: receivers, baseline: $0) }
        let computed = receivers.indices.filter { needed?[$0] ?? true }
        progress?.advance(by: receivers.count - computed.count)

        let chunkCount = max(1, min(64, computed.count / 20))
        let (found, paths): ([Exposure?], PathTally) = await withTaskGroup(of: (Int, [Exposure?], PathTally).self) { group in
            for chunk in 0..<chunkCount {
                let range = Self.range(of: chunk, count: chunkCount, total: computed.count)
                group.addTask {
                    guard let scene else {
                        return (chunk, computed[range].map { building in
                            defer { progress?.advance(by: 1) }
                            return Self.mostExposed(receivers[building], sources: sources, grid: grid, screen: screen, options: settings)
                        }, PathTally())
                    }
                    var scratch = QueryScratch()
                    let part = computed[range].map { building in
                        defer { progress?.advance(by: 1) }
                        return Self.mostExposed(receivers[building], building: building, sources: sources, grid: grid, scene: scene,
                                                options: settings, scratch: &scratch)
                    }
                    return (chunk, part, scratch.paths)
                }
            }
            var parts = [[Exposure?]](repeating: [], count: chunkCount)
            var paths = PathTally()
            for await (chunk, part, tally) in group {
                parts[chunk] = part
                paths = paths + tally
            }
            return (parts.flatMap { $0 }, paths)
        }
        var levels = [Exposure?](repeating: nil, count: receivers.count)
        if needed != nil, let baseline {
            for (index, old) in baseline.analysis.buildings.enumerated() {
                if let copied = old.levels, let receiver = old.receiver { levels[index] = Exposure(levels: copied, receiver: receiver) }
            }
        }
        for (position, building) in computed.enumerated() { levels[building] = found[position] }

        let buildings = district.buildings.enumerated().map { index, building in
            BuildingNoise(id: building.id, population: index < population.count ? population[index].population : 0, levels: levels[index]?.levels,
                          receiver: levels[index]?.receiver)
        }
        let reused = receivers.count - computed.count
        let reuseNote = reused > 0
            ? ["Levels of \(reused) of \(receivers.count) buildings, which no street of changed emission reaches within "
               + "\(options.searchRadius) m, are the before layout's (the same paths and sums); the path budget below counts the others."]
            : []
        return NoiseAnalysis(streets: streets, buildings: buildings, exposure: NoiseExposure(buildings: buildings),
                             notes: options.notes + (scene.map { Self.heightNotes(district, defaultHeight: $0.defaultHeight) } ?? [])
                                 + reuseNote + [paths.note(maxError: options.maxError)].compactMap { $0 },
                             model: options.modelName, defaultBuildingHeight: scene?.defaultHeight)
    }

    /// Levels at free-standing points (e.g. a vacant lot's centre), 4 m high like the facades.
    /// `streets`: the emission already computed for this district (by `analyse`), if any.
    public func levels(atPoints xy: [Double], in district: District, streets: [StreetNoise]? = nil) -> [FacadeLevels] {
        let sources = Self.sources(district.streets, streets ?? streetNoise(district))
        let grid = SourceGrid(polylines: sources.map(\.polyline))
        if options.method == .cnossos {
            let scene = cnossosScene(district)
            var scratch = QueryScratch()
            return stride(from: 0, to: xy.count - 1, by: 2).map { i in
                scene.receiver.levels(atX: xy[i], y: xy[i + 1], building: nil, sources: sources, grid: grid, scratch: &scratch)
            }
        }
        let screen = options.screening ? Self.screen(district) : nil
        return stride(from: 0, to: xy.count - 1, by: 2).map { i in
            Self.levels(atX: xy[i], y: xy[i + 1], sources: sources, grid: grid, screen: screen, options: options)
        }
    }

    /// Levels at receiver points of their own heights (sensor sites, noise-map nodes), with the
    /// model of the options; free-standing points, so every facade may reflect.
    public func levels(at receivers: [ReceiverPoint], in district: District, streets: [StreetNoise]? = nil) async -> [FacadeLevels] {
        let sources = Self.sources(district.streets, streets ?? streetNoise(district))
        let grid = SourceGrid(polylines: sources.map(\.polyline))
        let scene = options.method == .cnossos ? cnossosScene(district) : nil
        let screen = options.screening && scene == nil ? Self.screen(district) : nil
        let settings = options
        let chunkCount = max(1, min(32, receivers.count / 8))
        return await withTaskGroup(of: (Int, [FacadeLevels]).self) { group in
            for chunk in 0..<chunkCount {
                let range = Self.range(of: chunk, count: chunkCount, total: receivers.count)
                group.addTask {
                    var scratch = QueryScratch()
                    return (chunk, receivers[range].map { point in
                        if let scene {
                            return scene.receiver.at(height: point.height).levels(atX: point.x, y: point.y, building: nil, sources: sources,
                                                                                 grid: grid, scratch: &scratch)
                        }
                        var options = settings
                        options.propagation.receiverHeight = point.height
                        return Self.levels(atX: point.x, y: point.y, sources: sources, grid: grid, screen: screen, options: options)
                    })
                }
            }
            var parts = [[FacadeLevels]](repeating: [], count: chunkCount)
            for await (chunk, part) in group { parts[chunk] = part }
            return parts.flatMap { $0 }
        }
    }

    /// Facade receivers of every building, less those that fall inside a neighbouring building
    /// (party walls of a perimeter block have no free facade).
    func receiverPoints(_ district: District) throws(GeometryError) -> [[Double]] {
        let context = GeometryContext()
        let buildings = try district.buildings.map { building throws(GeometryError) in
            try context.geometry(of: building)
        }
        guard !buildings.isEmpty else { return [] }
        let index = try SpatialIndex(buildings)
        return try district.buildings.map { building throws(GeometryError) -> [Double] in
            // A building of the context margin screens and reflects, but no one there is reported.
            guard !building.isContext else { return [] }
            var points: [Double] = []
            for ring in Self.exteriorRings(building.geometry) {
                let candidates = options.receivers.points(around: ring)
                var i = 0
                while i + 1 < candidates.count {
                    let point = try Geometry.point(x: candidates[i], y: candidates[i + 1], in: context)
                    let blocked = index.query(point).contains { buildings[$0].intersects(point) }
                    if !blocked { points += [candidates[i], candidates[i + 1]] }
                    i += 2
                }
            }
            return points
        }
    }

    static func exteriorRings(_ geometry: GeoJSONGeometry) -> [[Double]] {
        switch geometry {
        case .polygon(let rings): rings.prefix(1).map { $0 }
        case .multiPolygon(let polygons): polygons.compactMap(\.first)
        default: []
        }
    }

    /// A street with traffic as a propagation source: its polyline(s) and band energies per period.
    struct Source: Sendable {
        var polyline: [Double]
        /// 10^(L'W/10) per period and band, A-weighting applied.
        var energy: PerPeriod<[Double]>
        /// Which street (its index among the district's streets) and which of its lines.
        var street = 0, part = 0
    }

    static func sources(_ features: [DistrictFeature], _ streets: [StreetNoise]) -> [Source] {
        var sources: [Source] = []
        for (index, (feature, street)) in zip(features, streets).enumerated() {
            guard street.emission.day != nil || street.emission.evening != nil || street.emission.night != nil else { continue }
            let energy = street.emission.map { levels -> [Double] in
                guard let levels else { return [Double](repeating: 0, count: 8) }
                return OctaveBand.allCases.map { Decibel.energy(levels[$0] + $0.aWeighting) }
            }
            let lines: [[Double]]
            switch feature.geometry {
            case .lineString(let xy): lines = [xy]
            case .multiLineString(let parts): lines = parts
            default: lines = []
            }
            sources += lines.enumerated().map { Source(polyline: $1, energy: energy, street: index, part: $0) }
        }
        return sources
    }

    /// The levels at the receiver with the highest Lden among `points` (nil when there is none).
    /// Every ring of every building, as barriers.
    static func screen(_ district: District) -> BuildingScreen {
        BuildingScreen(rings: district.buildings.flatMap { rings($0.geometry) })
    }

    /// How many building heights were tagged, from levels, or defaulted, for the notes.
    static func heightNotes(_ district: District, defaultHeight: Double) -> [String] {
        let sources = district.buildings.map(\.buildingHeight.source)
        guard !sources.isEmpty else { return [] }
        let count = { (source: HeightSource) in sources.filter { $0 == source }.count }
        return ["Building heights: \(count(.height)) tagged, \(count(.levels)) from building:levels x 3 m, \(count(.default)) defaulted to "
                + "\((defaultHeight * 10).rounded() / 10) m (the median of the known heights unless --building-height is given)."]
    }

    /// The levels at a building's most exposed receiver and where it stands.
    struct Exposure: Sendable {
        var levels: FacadeLevels
        var receiver: ReceiverLocation
    }

    static func mostExposed(_ points: [Double], sources: [Source], grid: SourceGrid, screen: BuildingScreen?, options: NoiseOptions) -> Exposure? {
        var best: Exposure?
        var i = 0
        while i + 1 < points.count {
            let levels = self.levels(atX: points[i], y: points[i + 1], sources: sources, grid: grid, screen: screen, options: options)
            if best == nil || levels.lden > best!.levels.lden { best = Exposure(levels: levels, receiver: ReceiverLocation(x: points[i], y: points[i + 1])) }
            i += 2
        }
        return best
    }

    /// A-weighted levels per period at one receiver.
    static func levels(atX x: Double, y: Double, sources: [Source], grid: SourceGrid, screen: BuildingScreen?, options: NoiseOptions) -> FacadeLevels {
        var energy = PerPeriod(day: 0.0, evening: 0.0, night: 0.0)
        let horizon = screen?.horizon(atX: x, y: y, radius: options.searchRadius)
        let propagation = options.effectivePropagation
        for index in grid.sources(nearX: x, y: y, radius: options.searchRadius) {
            let source = sources[index]
            let transfer = propagation.transfer(from: source.polyline, toX: x, y: y, radius: options.searchRadius, horizon: horizon)
            for period in Period.allCases {
                let bands = source.energy[period]
                var sum = 0.0
                for band in 0..<8 { sum += bands[band] * transfer[band] }
                energy[period] += sum
            }
        }
        let surcharge = options.canyonSurcharge ?? 0
        let level = { (e: Double) -> Double in e > 0 ? Decibel.tenLog(e) + surcharge : -Double.infinity }
        return FacadeLevels(day: level(energy.day), evening: level(energy.evening), night: level(energy.night))
    }

    static func range(of chunk: Int, count: Int, total: Int) -> Range<Int> {
        let size = (total + count - 1) / count
        return min(chunk * size, total)..<min((chunk + 1) * size, total)
    }
}
