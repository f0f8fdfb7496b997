import DistrictModel
import GeoJSON
import GeometryEngine

/// The settings of `superblock plan`.
///
/// | option | default | meaning, source |
/// |---|---|---|
/// | `trafficCut` | 0.82 | share of motor traffic that leaves the interior streets: Sant Antoni, -82 % cars after phase 2 (City Council, Dec 2019; DESIGN.md section 4.2) |
/// | `sharedShare` | 0.8 | share of each interior carriageway that becomes shared space with pedestrian priority |
/// | `greenShare` | 0.2 | share that becomes planting (a green strip on each side, half each) |
/// | rest, 1 - shared - green | 0 | stays a central motor lane (e.g. 0.3 of a 10 m carriageway keeps a 3 m access and emergency lane); the defaults keep none because at 10 km/h deliveries, residents and emergency vehicles use the shared surface itself, as in the Barcelona interiors |
/// | `speed` | 10 km/h | the interiors' limit (DESIGN.md section 4.5) |
/// | `reroute` | off | the interiors become access only and the traffic model's demand is assigned again on the after network (`PlanRerouting`): the interior cut comes from the model, `trafficCut` is not used |
/// | `respectsOneway` | true | the road graph of `reroute` drives one-way streets one way |
/// | `squares` | off | turn the crossings of interior streets into squares (`PlannedSquare`) |
public struct PlanOptions: Sendable, Equatable {
    public var trafficCut: Double
    public var sharedShare: Double
    public var greenShare: Double
    public var speed: Double
    public var reroute: Bool
    public var respectsOneway: Bool
    public var squares: Bool

    public init(trafficCut: Double = 0.82, sharedShare: Double = 0.8, greenShare: Double = 0.2, speed: Double = 10, reroute: Bool = false,
                respectsOneway: Bool = true, squares: Bool = false) {
        self.trafficCut = trafficCut
        self.sharedShare = sharedShare
        self.greenShare = greenShare
        self.speed = speed
        self.reroute = reroute
        self.respectsOneway = respectsOneway
        self.squares = squares
    }

    /// The share of the carriageway that stays a motor lane.
    public var trafficShare: Double { max(0, 1 - sharedShare - greenShare) }

    /// Written on every planned street (`superblock:plan`) so a second run does not plan it again.
    var marker: String {
        "traffic_cut=\(Self.text(trafficCut));shared=\(Self.text(sharedShare));green=\(Self.text(greenShare));speed=\(Self.text(speed))"
    }

    static func text(_ value: Double) -> String { PropertyValue.number((value * 10_000).rounded() / 10_000).stringValue ?? "\(value)" }
}

/// What a plan does to one street.
public struct PlannedStreet: Sendable, Equatable {
    /// `network`: a street elsewhere whose flow the rerouting changed.
    public enum Role: String, Sendable { case interior, perimeter, network }

    /// Position in `district.streets`.
    public var index: Int
    public var id: String
    public var origin: FeatureOrigin
    public var role: Role
    /// Cells the street is interior to (one) or runs round (one or two).
    public var cellIDs: [String]
    /// Properties set on the feature (every other property is kept as it was).
    public var changes: [String: PropertyValue]
    /// Vehicles a day before and after.
    public var dailyFlowBefore: Double
    public var dailyFlowAfter: Double
    /// Centreline length (m).
    public var length: Double
    /// Carriageway metres (across) given to shared space and to green; 0 for streets without a
    /// traffic carriageway (living streets).
    public var sharedWidth: Double
    public var greenWidth: Double
}

/// One cell's totals in a plan.
public struct PlannedCell: Sendable, Equatable {
    public var id: String
    public var interiorStreets: Int
    /// Centreline length x carriageway width converted, per category (m2; junction squares are
    /// counted once per street, so this is the nominal figure: `compare` measures the real one).
    public var nominalSharedArea: Double
    public var nominalGreenArea: Double
    /// Vehicle-kilometres a day taken off the interior streets (by the cut, or with `reroute` by the model).
    public var displacedVehicleKilometres: Double
    public var perimeterStreets: Int
    /// Vehicles a day added to the perimeter streets, length-weighted mean (0 without `reroute`).
    public var addedDailyFlow: Double
    /// Crossings turned into squares (with `squares`), and their surface and planted area (m2).
    public var squares = 0
    public var squareArea = 0.0
    public var squareGreenArea = 0.0
}

/// The after layout of a plan, as property changes to the input features.
public struct PlanResult: Sendable {
    public var options: PlanOptions
    public var cells: [SuperblockCell]
    public var streets: [PlannedStreet]
    public var cellTotals: [PlannedCell]
    /// The squares at interior crossings (empty without `squares`).
    public var squares: [PlannedSquare] = []
    /// Streets left alone, and streets whose after tags could not reproduce the planned section.
    public var warnings: [LoadProblem]
    /// With `reroute`: the traffic model before and after, and car travel over all pairs of nodes.
    public var modelBefore: ModelledTraffic?
    public var modelAfter: ModelledTraffic?
    public var travel: TravelImpact?

    /// The input file's collection with the plan's changes applied to its features; every feature
    /// is kept, in order, and only the planned streets' properties change.
    public func apply(to collection: FeatureCollection, file: String) -> FeatureCollection {
        var result = collection
        for street in streets where street.origin.file == file && result.features.indices.contains(street.origin.index) {
            for (key, value) in street.changes { result.features[street.origin.index].properties[key] = value }
        }
        return result
    }

    /// The squares as features of the after layout, in the coordinates `transform` gives.
    public func squareFeatures(transform: ([Double]) throws -> [Double]) rethrows -> [Feature] {
        try squares.flatMap { try $0.features(marker: options.marker, transform: transform) }
    }
}

/// Writes the after layout of a superblock plan (DESIGN.md section 4.5, `superblock plan`).
///
/// Interior streets (see `CellMembership`) get `superblock=interior`, `maxspeed` = the plan's
/// speed and their traffic cut:
/// - every flow they carry is multiplied by 1 - cut: `traffic:aadt`, `traffic:<period>:<category>`,
///   NoiseModelling's `TV_*`, `HV_*`, `LV_*`, `MV_*`, `WAV_*`, `WBV_*`; a street with no traffic
///   figure gets `traffic:aadt` = its class default x (1 - cut), so the cut is explicit;
/// - explicit speeds (`speed:<period>:<category>`, `LV_SPD_*`, `HV_SPD_*`) are held at the plan's speed;
/// - the moving-traffic carriageway C (the inferred cross-section's, parking and cycle lanes kept)
///   becomes C x shared share of shared space, C x green share of planting (a green strip of half
///   that on each side, added to any `green:width`) and the rest a central motor lane. As tags:
///   `carriageway:width` = what stays between the kerbs (parking and cycle lanes included),
///   `green:width`, and `shared:width` when a motor lane is kept. The plan infers the after
///   section from the tags it wrote and, where the sidewalks would come out different (a `width`
///   that OSM meant as the carriageway), writes the sidewalks and full `width` explicitly, so the
///   after file analysed again yields exactly the planned widths.
/// - `superblock:plan` records the settings; streets that already carry it, or `superblock=pedestrian`,
///   are left alone.
///
/// With `reroute`, the traffic model (`TrafficModel`) runs before and after the interiors become
/// access only (`PlanRerouting`): every street of the road graph gets its after flow as
/// `traffic:modelled`, and the interiors' cut is the model's, not `trafficCut`.
public struct SuperblockPlan: Sendable {
    public var options: PlanOptions
    public var analysis: CellAnalysis
    public var inference: CrossSectionInference
    public var traffic: TrafficInference
    /// As in `SpaceAllocator`: how far beside a road a separately mapped sidewalk is looked for.
    public var separateSidewalkSearch = 12.0

    public init(options: PlanOptions = PlanOptions(), analysis: CellAnalysis = CellAnalysis(),
                inference: CrossSectionInference = CrossSectionInference(), traffic: TrafficInference = TrafficInference()) {
        self.options = options
        self.analysis = analysis
        self.inference = inference
        self.traffic = traffic
    }

    public func plan(_ district: District, cells inputs: [CellAnalysis.Input]) throws(GeometryError) -> PlanResult {
        let context = GeometryContext()
        let cells = try analysis.analyse(inputs, in: district, context: context)
        let streets = district.streets
        let sidewalks = try SeparateSidewalkFinder(streets: streets, searchDistance: separateSidewalkSearch, context: context)
        var planned: [PlannedStreet] = []
        var warnings: [LoadProblem] = []
        var totals: [PlannedCell] = []

        for cell in cells {
            var total = PlannedCell(id: cell.id, interiorStreets: 0, nominalSharedArea: 0, nominalGreenArea: 0,
                                    displacedVehicleKilometres: 0, perimeterStreets: cell.perimeterStreets.count, addedDailyFlow: 0)
            for index in cell.interiorStreets {
                let street = streets[index]
                if street.attributes.string("superblock:plan") != nil {
                    warnings.append(LoadProblem(origin: street.origin, message: "already planned (superblock:plan); left as it is", action: .kept))
                    continue
                }
                if street.attributes.string("superblock") == "pedestrian" { continue }
                let line = try context.geometry(of: street)
                let separate = try sidewalks.separateSides(of: street, line: line)
                var (result, problem) = interiorStreet(street, separate: separate)
                result.index = index
                result.cellIDs = [cell.id]
                result.length = line.length
                if let problem { warnings.append(LoadProblem(origin: street.origin, message: problem, action: .kept)) }
                total.interiorStreets += 1
                total.nominalSharedArea += result.sharedWidth * result.length
                total.nominalGreenArea += result.greenWidth * result.length
                total.displacedVehicleKilometres += (result.dailyFlowBefore - result.dailyFlowAfter) * result.length / 1000
                planned.append(result)
            }
            totals.append(total)
        }

        var result = PlanResult(options: options, cells: cells, streets: planned, cellTotals: totals, warnings: warnings)
        if options.reroute { try reroute(district, into: &result) }
        result.streets.sort { $0.index < $1.index }
        if options.squares { try addSquares(district, into: &result, context: context) }
        return result
    }

    /// `squares`: the crossings of interior streets, from the allocation of the before layout.
    func addSquares(_ district: District, into result: inout PlanResult, context: GeometryContext) throws(GeometryError) {
        var allocator = SpaceAllocator(inference: inference)
        allocator.separateSidewalkSearch = separateSidewalkSearch
        result.squares = try JunctionSquares.squares(of: try allocator.allocate(district), cells: result.cells, streets: district.streets,
                                                     greenShare: options.greenShare, context: context)
        for square in result.squares {
            guard let k = result.cellTotals.firstIndex(where: { $0.id == square.cellID }) else { continue }
            result.cellTotals[k].squares += 1
            result.cellTotals[k].squareArea += square.area
            result.cellTotals[k].squareGreenArea += square.greenArea
        }
    }

    /// `reroute`: every street's flow from the traffic model on the after network.
    func reroute(_ district: District, into result: inout PlanResult) throws(GeometryError) {
        let streets = district.streets
        let interior = Set(result.streets.filter { $0.role == .interior }.map(\.index))
        let rerouting = try PlanRerouting(plan: self).reroute(district, cells: result.cells, interior: interior)
        result.modelBefore = rerouting.before
        result.modelAfter = rerouting.after
        result.travel = rerouting.travel
        var perimeterOf: [Int: [String]] = [:]
        for cell in result.cells { for index in cell.perimeterStreets { perimeterOf[index, default: []].append(cell.id) } }
        var position = Dictionary(uniqueKeysWithValues: result.streets.enumerated().map { ($1.index, $0) })
        for (index, changes) in rerouting.changes.sorted(by: { $0.key < $1.key }) {
            let before = rerouting.before.dailyFlow[index] ?? 0, after = rerouting.after.dailyFlow[index] ?? 0
            if let existing = position[index] {
                result.streets[existing].changes.merge(changes) { $1 }
                result.streets[existing].dailyFlowBefore = before
                result.streets[existing].dailyFlowAfter = after
                continue
            }
            let length = rerouting.before.graph.streetLength[index]
            position[index] = result.streets.count
            result.streets.append(PlannedStreet(index: index, id: streets[index].id, origin: streets[index].origin,
                                                role: perimeterOf[index] == nil ? .network : .perimeter, cellIDs: perimeterOf[index] ?? [],
                                                changes: changes, dailyFlowBefore: before, dailyFlowAfter: after, length: length,
                                                sharedWidth: 0, greenWidth: 0))
        }
        for (cellPosition, cell) in result.cells.enumerated() {
            var displaced = 0.0, added = 0.0, perimeterLength = 0.0
            for index in cell.interiorStreets {
                let length = rerouting.before.graph.streetLength[index]
                displaced += ((rerouting.before.dailyFlow[index] ?? 0) - (rerouting.after.dailyFlow[index] ?? 0)) * length / 1000
            }
            for index in cell.perimeterStreets {
                let length = rerouting.before.graph.streetLength[index]
                added += ((rerouting.after.dailyFlow[index] ?? 0) - (rerouting.before.dailyFlow[index] ?? 0)) * length
                perimeterLength += length
            }
            result.cellTotals[cellPosition].displacedVehicleKilometres = displaced
            result.cellTotals[cellPosition].addedDailyFlow = perimeterLength > 0 ? added / perimeterLength : 0
        }
    }

    /// Vehicles a day, from whatever traffic figures the street has (or its class default).
    func dailyFlow(of street: DistrictFeature) -> Double {
        traffic.traffic(of: street).vehiclesPerDay
    }

    /// The changes that make `street` an interior street, and a problem when its tags cannot
    /// reproduce the planned cross-section.
    func interiorStreet(_ street: DistrictFeature, separate: CrossSectionInference.SeparateSidewalks) -> (PlannedStreet, String?) {
        let attributes = street.attributes
        var changes: [String: PropertyValue] = [
            "superblock": "interior",
            "maxspeed": Self.tag(options.speed),
            "superblock:plan": .string(options.marker),
        ]
        // Traffic: every flow cut; the class default made explicit when there is none. With
        // `reroute` the model gives the interior's flow instead (`reroute(_:into:)`).
        let factor = 1 - options.trafficCut
        if options.reroute {
        } else if let scaled = Self.scaledFlows(attributes, by: factor) {
            changes.merge(scaled) { $1 }
        } else if let fallback = traffic.defaults.dailyFlow(for: street.highway ?? "road") {
            changes["traffic:aadt"] = .number(Self.round(fallback * factor))
        }
        for (key, value) in attributes.values {
            guard key.hasPrefix("speed:") || key.hasPrefix("LV_SPD_") || key.hasPrefix("HV_SPD_"),
                  let speed = key.hasPrefix("speed:") ? value.stringValue.flatMap(TagValue.kilometresPerHour) : value.doubleValue,
                  speed > options.speed else { continue }
            changes[key] = key.hasPrefix("speed:") ? Self.tag(options.speed) : .number(options.speed)
        }

        // Street space: the moving-traffic carriageway to shared space and green.
        let before = inference.crossSection(of: attributes, separateSidewalks: separate)
        var shared = 0.0, green = 0.0
        var problem: String?
        if before.carriagewayCategory == .traffic, before.carriageway > 0 {
            let carriageway = before.carriageway
            let greenSide = Self.round(carriageway * options.greenShare / 2)
            let kept = carriageway - 2 * greenSide  // shared space and any motor lane
            let sharedWidth = options.trafficShare > 1e-9 ? Self.round(min(carriageway * options.sharedShare, kept)) : kept
            let existingGreen = before.left.first { $0.category == .green }?.width ?? 0
            changes["carriageway:width"] = Self.tag(kept + inference.widthBesideCarriageway(of: attributes))
            if greenSide > 0 { changes["green:width"] = Self.tag(existingGreen + greenSide) }
            if options.trafficShare > 1e-9 { changes["shared:width"] = Self.tag(sharedWidth) }
            shared = sharedWidth
            green = 2 * greenSide
            let expected = Self.expectedSection(before, shared: sharedWidth, greenSide: greenSide, keepsLane: options.trafficShare > 1e-9)
            // OSM's `width` alone is the carriageway; next to a `carriageway:width` it would read as
            // the full width, so the sidewalks and the full width are written out.
            let widthWasCarriageway = attributes.string("width") != nil && attributes.string("carriageway:width", "width:carriageway") == nil
                && attributes.string("sidewalk:left:width", "sidewalk:right:width", "sidewalk:both:width", "sidewalk:width") == nil
            if widthWasCarriageway || !Self.matches(inferred(attributes, changes, separate), expected) {
                for (side, bands, isSeparate) in [("left", before.left, separate.left), ("right", before.right, separate.right)] {
                    let sidewalk = bands.first { $0.category == .pedestrian }?.width ?? 0
                    if sidewalk > 0 {
                        changes["sidewalk:\(side)"] = "yes"
                        changes["sidewalk:\(side):width"] = Self.tag(sidewalk)
                    } else {
                        changes["sidewalk:\(side)"] = isSeparate ? "separate" : "no"
                    }
                }
                changes["width"] = Self.tag(before.totalWidth)
                if !Self.matches(inferred(attributes, changes, .none), expected) {
                    problem = "the after tags do not reproduce the planned cross-section; check its widths"
                }
            }
        }
        var after = street
        for (key, value) in changes { after.attributes.values[key] = value }
        let result = PlannedStreet(index: 0, id: street.id, origin: street.origin, role: .interior, cellIDs: [], changes: changes,
                                   dailyFlowBefore: dailyFlow(of: street), dailyFlowAfter: dailyFlow(of: after), length: 0,
                                   sharedWidth: shared, greenWidth: green)
        return (result, problem)
    }

    private func inferred(_ attributes: Attributes, _ changes: [String: PropertyValue], _ separate: CrossSectionInference.SeparateSidewalks) -> CrossSection {
        var after = attributes
        for (key, value) in changes { after.values[key] = value }
        return inference.crossSection(of: after, separateSidewalks: separate)
    }

    /// The cross-section a plan means: the carriageway shrunk by the green, shared (all of it, or
    /// `shared` beside a central lane), green strips added, every other band as it was.
    static func expectedSection(_ before: CrossSection, shared: Double, greenSide: Double, keepsLane: Bool) -> CrossSection {
        var section = before
        let kept = before.carriageway - 2 * greenSide
        func widen(_ bands: [CrossSection.Band]) -> [CrossSection.Band] {
            var bands = bands
            if let green = bands.firstIndex(where: { $0.category == .green }) {
                bands[green].width += greenSide
            } else if greenSide > 0 {
                let sidewalk = bands.firstIndex { $0.category == .pedestrian } ?? bands.count
                bands.insert(CrossSection.Band(.green, greenSide), at: sidewalk)
            }
            if keepsLane, shared > 0 { bands.insert(CrossSection.Band(.shared, shared / 2), at: 0) }
            return bands
        }
        section.left = widen(before.left)
        section.right = widen(before.right)
        section.carriageway = keepsLane ? kept - shared : kept
        section.carriagewayCategory = keepsLane && section.carriageway > 0.005 ? .traffic : .shared
        return section
    }

    /// Same widths per category on each side, to the centimetre.
    static func matches(_ inferred: CrossSection, _ expected: CrossSection) -> Bool {
        func widths(_ section: CrossSection, left: Bool) -> [SpaceCategory: Double] {
            var widths: [SpaceCategory: Double] = [section.carriagewayCategory: section.carriageway / 2]
            for band in left ? section.left : section.right { widths[band.category, default: 0] += band.width }
            return widths
        }
        for left in [true, false] {
            let a = widths(inferred, left: left), b = widths(expected, left: left)
            for category in SpaceCategory.allCases where abs((a[category] ?? 0) - (b[category] ?? 0)) > 0.011 { return false }
        }
        return true
    }

    /// Keys holding a flow of vehicles.
    static let flowKeys: [String] = ["traffic:aadt", "traffic:modelled"]
        + Period.allCases.flatMap { period in ["light", "medium", "heavy", "moped", "motorcycle"].map { "traffic:\(period.rawValue):\($0)" } }
        + ["TV", "HV", "LV", "MV", "WAV", "WBV"].flatMap { prefix in ["D", "E", "N"].map { "\(prefix)_\($0)" } }

    /// Every flow the street has, multiplied by `factor` (same JSON type as given); nil when it has none.
    static func scaledFlows(_ attributes: Attributes, by factor: Double) -> [String: PropertyValue]? {
        var changes: [String: PropertyValue] = [:]
        for key in flowKeys {
            guard let value = attributes[key], let number = value.doubleValue else { continue }
            let scaled = round(number * factor)
            if case .string = value { changes[key] = .string(PropertyValue.number(scaled).stringValue!) } else { changes[key] = .number(scaled) }
        }
        return changes.isEmpty ? nil : changes
    }

    /// To the centimetre (or hundredth of a vehicle): tags stay readable and float noise out of the file.
    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// A measurement as OSM writes it: text, shortest form ("8", "1.1").
    static func tag(_ value: Double) -> PropertyValue { .string(PropertyValue.number(round(value)).stringValue!) }
}
