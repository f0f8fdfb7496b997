import ArgumentParser
import CNOSSOS
import DistrictModel

struct EmissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emission",
        abstract: "Evaluate the CNOSSOS-EU road emission model for one road and print L'W per octave band.",
        discussion: """
            Directive 2002/49/EC Annex II 2.2 as amended by (EU) 2015/996 and (EU) 2021/1226. \
            Give one flow per vehicle category as Q@V (vehicles per hour at km/h), e.g. --light 1000@50.
            """
    )

    @Option(help: "Coefficient set: 2015 (Directive 2015/996) or 2021 (Delegated Directive 2021/1226).")
    var coefficients: CoefficientSet = .directive2021

    @Option(help: "Road surface: NL01 ... NL14, or an OSM surface value (asphalt, sett, paving_stones, concrete). Default: the reference surface.")
    var surface: String?

    @Option(parsing: .unconditional, help: "Yearly average air temperature, degrees C (-30 ... 50).")
    var temperature: Double = 20

    @Option(name: .customLong("studded-share"), parsing: .unconditional, help: "Share of light vehicles with studded tyres, 0...1.")
    var studdedShare: Double?

    @Option(name: .customLong("studded-months"), parsing: .unconditional, help: "Months a year studded tyres are used, 0...12.")
    var studdedMonths: Double?

    @Option(parsing: .unconditional, help: "Road gradient in percent, positive uphill in the direction of travel (-20 ... 20).")
    var gradient: Double = 0

    @Flag(name: .customLong("two-way"), help: "Two-way road: half of each flow goes up the gradient and half down.")
    var twoWay = false

    @Option(name: .customLong("junction-distance"), parsing: .unconditional, help: "Distance to the nearest junction, m (with --junction-type).")
    var junctionDistance: Double?

    @Option(name: .customLong("junction-type"), help: "Junction type: lights or roundabout.")
    var junctionType: JunctionChoice?

    @Flag(name: .customLong("no-speed-floor"), help: "Do not hold the speed in the power terms at 20 km/h or more (the floor is on by default).")
    var noSpeedFloor = false

    @Option(help: "Light vehicles (category 1) as Q@V.") var light: FlowSpec?
    @Option(help: "Medium heavy vehicles (category 2) as Q@V.") var medium: FlowSpec?
    @Option(help: "Heavy vehicles (category 3) as Q@V.") var heavy: FlowSpec?
    @Option(help: "Mopeds (category 4a) as Q@V.") var moped: FlowSpec?
    @Option(help: "Motorcycles (category 4b) as Q@V.") var motorcycle: FlowSpec?

    @Option(help: "Output format: text or csv.")
    var format: EmissionFormat = .text

    var flows: [VehicleCategory: TrafficFlow] {
        var flows: [VehicleCategory: TrafficFlow] = [:]
        for (category, spec) in [(VehicleCategory.light, light), (.medium, medium), (.heavy, heavy), (.moped, moped), (.motorcycle, motorcycle)] {
            if let spec { flows[category] = spec.flow }
        }
        return flows
    }

    func validate() throws {
        if flows.isEmpty { throw ValidationError("Give at least one flow, e.g. --light 1000@50.") }
        try OptionRanges.check("--temperature", temperature, OptionRanges.temperature, unit: "degrees C")
        try OptionRanges.check("--gradient", gradient, OptionRanges.gradient, unit: "%")
        if let junctionDistance { try OptionRanges.check("--junction-distance", junctionDistance, 0...10_000, unit: "m") }
        for (name, spec) in [("--light", light), ("--medium", medium), ("--heavy", heavy), ("--moped", moped), ("--motorcycle", motorcycle)] {
            guard let flow = spec?.flow else { continue }
            try OptionRanges.check("\(name) flow", flow.vehiclesPerHour, AttributeLimits.hourlyFlow, unit: "vehicles/h")
            try OptionRanges.check("\(name) speed", flow.speedKmh, AttributeLimits.speed, unit: "km/h")
        }
        if (junctionDistance == nil) != (junctionType == nil) {
            throw ValidationError("--junction-distance and --junction-type go together.")
        }
        if (studdedShare == nil) != (studdedMonths == nil) {
            throw ValidationError("--studded-share and --studded-months go together.")
        }
        if let surface, Self.surface(named: surface) == nil {
            throw ValidationError("Unknown road surface '\(surface)': use NL01 ... NL14 or an OSM surface such as asphalt, sett, paving_stones, concrete.")
        }
    }

    static func surface(named name: String) -> RoadSurface? {
        RoadSurface(code: name.uppercased()) ?? RoadSurface.fromOSM(name.lowercased())
    }

    func run() throws {
        var conditions = EmissionConditions(coefficientSet: coefficients, airTemperature: temperature, gradientPercent: gradient,
                                            twoWay: twoWay, minimumPowerSpeedKmh: noSpeedFloor ? nil : 20)
        if let surface { conditions.surface = Self.surface(named: surface)! }
        if let studdedShare, let studdedMonths {
            do { conditions.studdedTyres = try StuddedTyres(share: studdedShare, monthsPerYear: studdedMonths) } catch {
                throw ValidationError(error.description)
            }
        }
        if let junctionDistance, let junctionType {
            conditions.junction = Junction(distanceMetres: junctionDistance, type: junctionType.type)
        }
        let emission = EmissionModel(conditions).emission(flows)
        let table = EmissionTable(emission, conditions: conditions)
        print(format == .csv ? table.csv : table.text, terminator: "")
    }
}

enum JunctionChoice: String, ExpressibleByArgument, CaseIterable {
    case lights, roundabout

    var type: JunctionType { self == .lights ? .trafficLights : .roundabout }
}

enum EmissionFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv
}

extension FlowSpec: ExpressibleByArgument {}
extension CoefficientSet: ExpressibleByArgument {}
