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
            superblock cells are given, DIR/lots.csv when there are vacant lots, DIR/receivers.csv \
            with --receivers, DIR/noise_grid.csv with --noise-grid, every layer as DIR/district.gpkg \
            (GeoPackage, styled for QGIS) and DIR/report.html (maps and tables, self-contained); prints \
            a summary.
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

    @OptionGroup(title: "Traffic") var trafficOptions: TrafficArguments

    @Option(help: "GeoJSON of points (sensor sites, a noise map) where levels are wanted: writes DIR/receivers.csv. Height from a `height` property, else 4 m; CRS as the district files (or --crs).", completion: .file(extensions: ["geojson", "json"]))
    var receivers: String?

    @Option(name: .customLong("noise-grid"), parsing: .unconditional, help: ArgumentHelp("A noise map: levels every M metres at 4 m over the street layer's extent, outside buildings; writes DIR/noise_grid.csv and the noise_bands layer of DIR/district.gpkg.", valueName: "M"))
    var noiseGrid: Double?

    @OptionGroup(title: "Health outcomes") var healthOptions: HealthArguments

    @Option(help: "How distance to green is measured: straight (from the green boundary) or walking (along the street network).")
    var access: GreenOptions.Access = .straight

    @Option(name: .customLong("crown-diameter"), parsing: .unconditional, help: "Crown diameter of tree points without diameter_crown, m (for canopy cover).")
    var crownDiameter: Double = 6

    @Flag(name: .customLong("green-lots"), help: "What-if: also report the green indicators with every vacant lot turned into green space.")
    var greenLots = false

    @Option(name: .customLong("lot-weights"), help: "Weights of the vacant-lot priority score, e.g. newly_served=0.5,residents=0.25,green_gap=0.25,quiet=0.")
    var lotWeights: String?

    @Option(help: "Compute and write only these indicator families, comma-separated: space, population, noise, green, lots (default: all). Stages they need run too, unreported.")
    var only: String?
    @OptionGroup var output: ConsoleOptions

    func validate() throws {
        if let only {
            do { _ = try AnalysisStage.parseList(only) } catch { throw ValidationError(error.description) }
        }
        if let noiseGrid { try OptionRanges.check("--noise-grid", noiseGrid, OptionRanges.noiseGridSpacing, unit: "m") }
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
        let console = output.console
        defer { console.finish() }
        console.stage("loading")
        let (district, _) = try trafficOptions.prepare(try input.loadDistrict(console: console), console: console)
        if let noiseGrid { do { _ = try NoiseGrid.layout(of: district, spacing: noiseGrid) } catch { throw CommandFailure(error.description) } }
        var pipeline = AnalysisPipeline()
        if let only { pipeline.stages = try AnalysisStage.parseList(only) }
        pipeline.allocator = SpaceAllocator(thresholds: PedestrianShareThresholds(minimumPercent: minimumShare, desirablePercent: desirableShare))
        pipeline.noise = noiseOptions.options
        pipeline.green.access = access
        pipeline.green.defaultCrownDiameter = crownDiameter
        pipeline.health = healthOptions.options
        pipeline.lotWeights = try lotWeights.map { try LotWeights(parsing: $0) } ?? LotWeights()
        pipeline.greenLots = greenLots
        pipeline.progress = console.progress
        var report: AnalysisReport
        do { report = try await pipeline.run(district) } catch { throw CommandFailure(error.description) }
        // Receivers and the grid hear every street read, the context margin's too: they are
        // computed before the report is cut down to the reported features.
        let noise = report.noise
        if let receivers {
            try InputFiles.checkExist([receivers])
            console.stage("receivers")
            let points: [ReceiverPoint]
            do { points = try ReceiverPoint.load(URL(fileURLWithPath: receivers), inputCRS: input.crs, metricCRS: district.crs) } catch {
                throw CommandFailure(error.description)
            }
            let levels = await NoiseModel(options: noiseOptions.options).levels(at: points, in: district, streets: noise?.streets)
            report.receivers = ReceiversTable(points: points, levels: levels)
        }
        if let noiseGrid { report.noiseGrid = try await NoiseModel(options: noiseOptions.options).noiseGrid(forCommand: district, spacing: noiseGrid, streets: noise?.streets) }
        report = report.withoutContext()
        var warnings: [String] = []
        console.stage("writing")
        let written = try report.write(to: OutputDirectory(path: out), warnings: &warnings)
        console.warn(warnings)
        switch format {
        case .text:
            console.print(report.text + "\n\nWrote " + written.joined(separator: ", "))
        case .json:
            console.print(report.json)
        }
    }
}
