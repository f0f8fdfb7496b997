import ArgumentParser
import DistrictModel
import Foundation
import CNOSSOS
import DistrictModel
import Indicators
import Reports

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute the indicators of a district and write them as CSV tables.",
        discussion: """
            Writes DIR/streets.csv (one row per street), DIR/district.csv (indicator,value,unit), \
            DIR/buildings.csv (residents, noise and green access per building), DIR/cells.csv when \
            superblock cells are given, DIR/lots.csv when there are vacant lots and DIR/receivers.csv \
            with --receivers; prints a summary.
            """
    )

    @OptionGroup var input: DistrictInput

    @Option(name: .customLong("out"), help: "Directory for the CSV tables (created when missing).")
    var out: String

    @Option(help: "Output format of the summary: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("min-pedestrian-share"), parsing: .unconditional, help: "Minimum pedestrian share of street space, percent (BCNecologia: 60).")
    var minimumShare: Double = 60

    @Option(name: .customLong("desirable-pedestrian-share"), parsing: .unconditional, help: "Desirable pedestrian share of street space, percent (BCNecologia: 75).")
    var desirableShare: Double = 75

    @OptionGroup(title: "Noise") var noiseOptions: NoiseArguments

    @Option(help: "GeoJSON of points (sensor sites, a noise map) where levels are wanted: writes DIR/receivers.csv. Height from a `height` property, else 4 m; CRS as the district files (or --crs).", completion: .file(extensions: ["geojson", "json"]))
    var receivers: String?

    @OptionGroup(title: "Health outcomes") var healthOptions: HealthArguments

    @Option(help: "How distance to green is measured: straight (from the green boundary) or walking (along the street network).")
    var access: GreenOptions.Access = .straight

    @Option(name: .customLong("crown-diameter"), parsing: .unconditional, help: "Crown diameter of tree points without diameter_crown, m (for canopy cover).")
    var crownDiameter: Double = 6

    @Flag(name: .customLong("green-lots"), help: "What-if: also report the green indicators with every vacant lot turned into green space.")
    var greenLots = false

    @Option(name: .customLong("lot-weights"), help: "Weights of the vacant-lot priority score, e.g. newly_served=0.5,residents=0.25,green_gap=0.25,quiet=0.")
    var lotWeights: String?

    func validate() throws {
        if let lotWeights {
            do { _ = try LotWeights(parsing: lotWeights) } catch { throw ValidationError(error.description) }
        }
        guard crownDiameter > 0, AttributeLimits.crownDiameter.contains(crownDiameter) else {
            throw ValidationError("--crown-diameter must lie in 0 ... 50 m (above 0), got \(crownDiameter).")
        }
        guard (0...100).contains(minimumShare), (0...100).contains(desirableShare), minimumShare <= desirableShare else {
            throw ValidationError("Pedestrian-share thresholds must lie in 0...100 with minimum <= desirable.")
        }
    }

    func run() async throws {
        // An output path that is a file fails before the work, not after it.
        try OutputDirectory.checkUsable(path: out)
        let district = try input.loadDistrict()
        let allocator = SpaceAllocator(thresholds: PedestrianShareThresholds(minimumPercent: minimumShare, desirablePercent: desirableShare))
        let space: SpaceAllocation
        do { space = try allocator.allocate(district) } catch { throw CommandFailure("street-space allocation failed: \(error)") }
        let estimate: PopulationEstimate
        do { estimate = try PopulationEstimator().estimateWithCensus(district) } catch { throw CommandFailure("population estimate failed: \(error)") }
        let population = estimate.buildings
        let noise: NoiseAnalysis
        do { noise = try await NoiseModel(options: noiseOptions.options).analyse(district, population: population) } catch {
            throw CommandFailure("noise model failed: \(error)")
        }
        var greenOptions = GreenOptions()
        greenOptions.access = access
        greenOptions.defaultCrownDiameter = crownDiameter
        let analyzer = GreenAnalyzer(options: greenOptions)
        let weights = try lotWeights.map { try LotWeights(parsing: $0) } ?? LotWeights()
        let green: GreenAnalysis, greenIfLotsGreen: GreenAnalysis?, lots: [LotIndicators]
        do {
            green = try analyzer.analyse(district, population: population)
            greenIfLotsGreen = greenLots ? try analyzer.analyse(district, population: population, extraGreen: district.vacantLots) : nil
            let lotPoints = try LotAnalyzer.interiorPoints(of: district)
            let lotNoise = NoiseModel(options: noiseOptions.options).levels(atPoints: lotPoints, in: district, streets: noise.streets)
            lots = try LotAnalyzer(weights: weights, green: greenOptions).analyse(district, population: population, greenToday: green, noise: lotNoise)
        } catch {
            throw CommandFailure("green and vacant-lot indicators failed: \(error)")
        }
        var report = AnalysisReport(district: district, space: space, population: population, noise: noise,
                                    health: HealthImpact(buildings: noise.buildings, options: healthOptions.options), green: green, greenIfLotsGreen: greenIfLotsGreen, lots: lots)
        report.censusUnallocated = estimate.unallocated
        report = report.withoutContext()
        if let receivers {
            try InputFiles.checkExist([receivers])
            let points: [ReceiverPoint]
            do { points = try ReceiverPoint.load(URL(fileURLWithPath: receivers), inputCRS: input.crs, metricCRS: district.crs) } catch {
                throw CommandFailure(error.description)
            }
            let levels = await NoiseModel(options: noiseOptions.options).levels(at: points, in: district, streets: noise.streets)
            report.receivers = ReceiversTable(points: points, levels: levels)
        }
        var warnings: [String] = []
        let written = try report.write(to: OutputDirectory(path: out), warnings: &warnings)
        Warnings.print(warnings)
        switch format {
        case .text:
            print(report.text)
            print("\nWrote " + written.joined(separator: ", "))
        case .json:
            print(report.json)
        }
    }
}
