/// Infers a street's cross-section from its tags (own keys first, OSM keys as fallbacks, DESIGN.md
/// section 3), filling gaps from `StreetDefaults` and recording each default it used.
///
/// How `width` is read: it is the full width between building lines when the feature also gives
/// its carriageway (`carriageway:width`) or its sidewalk widths, as the project's own schema does.
/// Otherwise it is the carriageway, as OSM mappers use it: in the Eixample extract Carrer d'Arago
/// has `width=11`, `lanes=3` and `sidewalk=both`, and 11 m can only be its carriageway.
///
/// Own keys beyond DESIGN.md's table:
///
/// | key | meaning |
/// |---|---|
/// | `shared:width` | of the carriageway, the metres that are shared space with pedestrian priority, half on each side of a central lane that stays motor traffic. Without it a `superblock=interior` carriageway is shared as a whole; `superblock plan` writes it when the user keeps part of the carriageway for traffic |
public struct CrossSectionInference: Sendable {
    public var defaults: StreetDefaults

    public init(defaults: StreetDefaults = StreetDefaults()) {
        self.defaults = defaults
    }

    /// Sides whose sidewalk is mapped as its own way (found by the caller near the road), used when
    /// the road's tags say nothing about sidewalks.
    public struct SeparateSidewalks: Sendable, Equatable {
        public var left: Bool
        public var right: Bool
        public init(left: Bool, right: Bool) {
            self.left = left
            self.right = right
        }
        public static let none = SeparateSidewalks(left: false, right: false)
    }

    /// - Parameters:
    ///   - separateSidewalks: sides of a road whose sidewalk is mapped as its own way.
    ///   - alongsideRoad: for a separately mapped sidewalk, the `highway` class of the road it runs
    ///     beside: without a `width` it takes that road's default sidewalk width, not a footpath's.
    public func crossSection(of attributes: Attributes, separateSidewalks: SeparateSidewalks = .none, alongsideRoad: String? = nil) -> CrossSection {
        var reader = MeasurementReader(attributes: attributes, defaults: defaults)
        let highway = attributes.string("highway") ?? attributes.string("area:highway") ?? "road"
        let superblock = attributes.string("superblock")

        // Streets that are one band: footways, pedestrian and living streets, cycleways.
        if let single = singleBand(highway: highway, superblock: superblock, attributes: attributes, alongsideRoad: alongsideRoad, reader: &reader) {
            return single
        }

        var section = CrossSection(carriageway: 0)
        let sides = sidewalkSides(attributes, separate: separateSidewalks)
        let parking = (left: parkingWidth(side: "left", attributes, reader: &reader), right: parkingWidth(side: "right", attributes, reader: &reader))
        let cycle = cycleBands(attributes, reader: &reader)
        let green = reader.length("green:width") ?? 0

        // Sidewalk widths: per side, both, or generic; defaults by class where a sidewalk exists.
        var sidewalkLeft = 0.0, sidewalkRight = 0.0
        let bothWidth = reader.length("sidewalk:both:width") ?? reader.length("sidewalk:width")
        let measuredLeft = reader.length("sidewalk:left:width") ?? bothWidth
        let measuredRight = reader.length("sidewalk:right:width") ?? bothWidth
        if sides.left { sidewalkLeft = measuredLeft ?? reader.defaulted("sidewalk:left", defaults.sidewalkWidth(for: highway)) }
        if sides.right { sidewalkRight = measuredRight ?? reader.defaulted("sidewalk:right", defaults.sidewalkWidth(for: highway)) }

        // The kerb-to-kerb width holds traffic lanes, parking lanes and on-road cycle lanes.
        let onRoadCycle = cycle.leftLane + cycle.rightLane
        let beside = parking.left + parking.right + onRoadCycle
        let sidewalksGiven = measuredLeft != nil || measuredRight != nil
        let carriagewayTag = reader.length("carriageway:width", "width:carriageway")
        let width = reader.length("width")
        var kerbToKerb: Double
        if let carriagewayTag {
            kerbToKerb = carriagewayTag
        } else if let width, sidewalksGiven, !sides.bothSeparate {
            kerbToKerb = max(width - sidewalkLeft - sidewalkRight - 2 * green - cycle.leftTrack - cycle.rightTrack, 0)
        } else if let width {
            kerbToKerb = width
        } else {
            let oneway = ["yes", "1", "-1", "true"].contains(attributes.string("oneway") ?? "")
            let lanes = reader.count("lanes", maximum: defaults.maximumLanes)
                ?? Double(reader.defaultedCount("lanes", defaults.lanes(for: highway, oneway: oneway)))
            kerbToKerb = lanes * defaults.laneWidth(for: highway) + beside
            reader.noteDefault("carriageway")
        }
        if let width, let carriagewayTag {
            // Both given: what the bands do not explain goes to the sidewalks, if they were not measured.
            let rest = width - carriagewayTag - 2 * green - cycle.leftTrack - cycle.rightTrack
            if !sidewalksGiven, rest >= 0, sides.left || sides.right {
                let share = rest / Double((sides.left ? 1 : 0) + (sides.right ? 1 : 0))
                if sides.left { sidewalkLeft = share; reader.undoDefault("sidewalk:left") }
                if sides.right { sidewalkRight = share; reader.undoDefault("sidewalk:right") }
            }
        }
        kerbToKerb = max(kerbToKerb, 0)
        section.carriageway = max(kerbToKerb - beside, 0)
        if superblock == "interior" { section.carriagewayCategory = .shared }

        // `shared:width`: only that much of the carriageway is shared space, half on each side of a
        // central lane that stays motor traffic (a superblock plan that keeps an access lane).
        var sharedSide = 0.0
        if let shared = reader.length("shared:width") {
            if shared > section.carriageway + 0.005 {
                reader.warn("shared:width=\(attributes.string("shared:width")!) is wider than the carriageway (\(section.carriageway) m); the whole carriageway is shared")
            }
            if shared >= section.carriageway - 0.005 {
                section.carriagewayCategory = .shared
            } else if shared > 0 {
                section.carriageway -= shared
                section.carriagewayCategory = .traffic
                sharedSide = shared / 2
            }
        }

        section.left = [CrossSection.Band(.shared, sharedSide), CrossSection.Band(.parking, parking.left), CrossSection.Band(.cycle, cycle.leftLane),
                        CrossSection.Band(.cycle, cycle.leftTrack), CrossSection.Band(.green, green),
                        CrossSection.Band(.pedestrian, sidewalkLeft)].filter { $0.width > 0 }
        section.right = [CrossSection.Band(.shared, sharedSide), CrossSection.Band(.parking, parking.right), CrossSection.Band(.cycle, cycle.rightLane),
                         CrossSection.Band(.cycle, cycle.rightTrack), CrossSection.Band(.green, green),
                         CrossSection.Band(.pedestrian, sidewalkRight)].filter { $0.width > 0 }
        section.defaulted = reader.defaultedNames
        section.warnings = reader.warnings
        return section
    }

    /// Width of the bands that lie between the kerbs beside the carriageway: parking lanes and
    /// on-road cycle lanes (not tracks). `carriageway:width` is this plus the carriageway itself,
    /// which a superblock plan needs to write a narrower carriageway back as a tag.
    public func widthBesideCarriageway(of attributes: Attributes) -> Double {
        var reader = MeasurementReader(attributes: attributes, defaults: defaults)
        let cycle = cycleBands(attributes, reader: &reader)
        return parkingWidth(side: "left", attributes, reader: &reader) + parkingWidth(side: "right", attributes, reader: &reader)
            + cycle.leftLane + cycle.rightLane
    }

    /// Footways, paths, steps, pedestrian and living streets, cycleways and superblock pedestrian
    /// streets are a single band of one category.
    private func singleBand(highway: String, superblock: String?, attributes: Attributes, alongsideRoad: String?,
                            reader: inout MeasurementReader) -> CrossSection? {
        let category: SpaceCategory
        let fallback: Double
        switch (highway, superblock) {
        case (_, "pedestrian"), ("pedestrian", _):
            (category, fallback) = (.pedestrian, defaults.pedestrianStreet)
        case ("footway", _) where attributes.string("footway") == "sidewalk" && alongsideRoad != nil:
            (category, fallback) = (.pedestrian, defaults.sidewalkWidth(for: alongsideRoad!))
        case ("footway", _), ("path", _), ("steps", _), ("corridor", _), ("bridleway", _):
            (category, fallback) = (.pedestrian, defaults.footway)
        case ("living_street", _):
            (category, fallback) = (.shared, defaults.livingStreet)
        case ("cycleway", _):
            (category, fallback) = (.cycle, defaults.cycleway)
        default:
            return nil
        }
        let width = reader.length("width", "carriageway:width") ?? reader.defaulted("width", fallback)
        return CrossSection(carriageway: width, carriagewayCategory: category, defaulted: reader.defaultedNames, warnings: reader.warnings)
    }

    private func sidewalkSides(_ attributes: Attributes, separate: SeparateSidewalks) -> (left: Bool, right: Bool, bothSeparate: Bool) {
        func present(_ value: String?) -> Bool? {
            guard let value else { return nil }
            switch value {
            case "no", "none", "separate", "false": return false
            default: return true
            }
        }
        let general = attributes.string("sidewalk")
        let both = attributes.string("sidewalk:both")
        var left = present(attributes.string("sidewalk:left")) ?? present(both)
        var right = present(attributes.string("sidewalk:right")) ?? present(both)
        switch general {
        case "both", "yes": left = left ?? true; right = right ?? true
        case "left": left = left ?? true; right = right ?? false
        case "right": left = left ?? false; right = right ?? true
        case "no", "none", "separate": left = left ?? false; right = right ?? false
        default: break
        }
        let allSeparate = [general, both].contains("separate")
            || (attributes.string("sidewalk:left") == "separate" && attributes.string("sidewalk:right") == "separate")
        // Nothing said: a sidewalk unless one is mapped on its own beside the road.
        return (left ?? !separate.left, right ?? !separate.right, allSeparate || (left == nil && right == nil && separate.left && separate.right))
    }

    private func parkingWidth(side: String, _ attributes: Attributes, reader: inout MeasurementReader) -> Double {
        guard let orientation = attributes.string("parking:\(side)", "parking:both", "parking:lane:\(side)", "parking:lane:both") else { return 0 }
        let explicit = reader.length("parking:\(side):width", "parking:both:width")
        if let explicit { return explicit }
        let resolved = attributes.string("parking:\(side):orientation", "parking:both:orientation") ?? orientation
        guard let width = defaults.parkingWidth(for: resolved) else { return 0 }
        return reader.defaulted("parking:\(side)", width)
    }

    private func cycleBands(_ attributes: Attributes, reader: inout MeasurementReader)
        -> (leftLane: Double, rightLane: Double, leftTrack: Double, rightTrack: Double) {
        var result = (leftLane: 0.0, rightLane: 0.0, leftTrack: 0.0, rightTrack: 0.0)
        for side in ["left", "right"] {
            guard let kind = attributes.string("cycleway:\(side)", "cycleway:both", "cycleway") else { continue }
            let width = reader.length("cycleway:\(side):width", "cycleway:width")
            switch kind {
            case "lane", "opposite_lane", "exclusive":
                let value = width ?? reader.defaulted("cycleway:\(side)", defaults.cycleLane)
                if side == "left" { result.leftLane = value } else { result.rightLane = value }
            case "track", "opposite_track":
                let value = width ?? reader.defaulted("cycleway:\(side)", defaults.cycleTrack)
                if side == "left" { result.leftTrack = value } else { result.rightTrack = value }
            default:
                continue
            }
        }
        return result
    }
}

/// Reads measurements from tags, rejecting impossible values with a warning and remembering which
/// values were defaulted.
struct MeasurementReader {
    let attributes: Attributes
    let defaults: StreetDefaults
    private(set) var warnings: [String] = []
    private(set) var defaultedNames: [String] = []

    init(attributes: Attributes, defaults: StreetDefaults) {
        self.attributes = attributes
        self.defaults = defaults
    }

    /// The first of `keys` holding a plausible length in metres; implausible values are warned about.
    mutating func length(_ keys: String...) -> Double? {
        for key in keys {
            guard let text = attributes.string(key) else { continue }
            guard let value = TagValue.metres(text), value.isFinite else {
                warnings.append("\(key)=\(text) is not a length; ignored")
                continue
            }
            guard value >= 0, value <= defaults.maximumWidth else {
                warnings.append("\(key)=\(text) is outside 0..\(Int(defaults.maximumWidth)) m; ignored")
                continue
            }
            return value
        }
        return nil
    }

    mutating func count(_ key: String, maximum: Int) -> Double? {
        guard let text = attributes.string(key) else { return nil }
        guard let value = Double(text.trimmingWhitespace), value.isFinite, value == value.rounded() else {
            warnings.append("\(key)=\(text) is not a whole number; ignored")
            return nil
        }
        guard value >= 1, value <= Double(maximum) else {
            warnings.append("\(key)=\(text) is outside 1..\(maximum); ignored")
            return nil
        }
        return value
    }

    mutating func warn(_ message: String) {
        warnings.append(message)
    }

    mutating func defaulted(_ name: String, _ value: Double) -> Double {
        noteDefault(name)
        return value
    }

    mutating func defaultedCount(_ name: String, _ value: Int) -> Int {
        noteDefault(name)
        return value
    }

    mutating func noteDefault(_ name: String) {
        if !defaultedNames.contains(name) { defaultedNames.append(name) }
    }

    mutating func undoDefault(_ name: String) {
        defaultedNames.removeAll { $0 == name }
    }
}
