import ArgumentParser
import DistrictModel
import Foundation
import Indicators
import Reports

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a before and an after layout: every indicator, per district, cell and street.",
        discussion: """
            Both layouts are analysed as analyze does (street space, residents, noise) with the same cells. \
            Streets are paired by id, else by geometry (same centreline within --match-tolerance m); \
            streets on one side only are listed, never dropped. Writes DIR/compare.csv \
            (level,id,indicator,unit,before,after,change), DIR/summary.csv, DIR/matches.csv, \
            DIR/transfers.csv (street space that changed category), DIR/compare.gpkg (the changes per \
            street, building and cell as a GeoPackage, styled for QGIS) and DIR/report.html (before and \
            after side by side, maps of what changed); prints the summary.
            """
    )

    @Argument(help: "The before layout (GeoJSON).", completion: .file(extensions: ["geojson", "json"]))
    var before: String

    @Argument(help: "The after layout (GeoJSON), e.g. from superblock plan.", completion: .file(extensions: ["geojson", "json"]))
    var after: String

    @Option(name: .customLong("out"), help: "Directory for the tables (created when missing).")
    var out: String

    @Option(name: .customLong("with"), help: "A file both layouts share (buildings, trees, census); repeat for several.")
    var shared: [String] = []

    @Option(help: "Superblock cells for the cell rows. Default: the superblock layer of AFTER, else of BEFORE.")
    var cells: String?

    @Option(name: .customLong("match-tolerance"), parsing: .unconditional, help: "Streets with other ids pair when their centrelines lie within this distance, m.")
    var matchTolerance: Double = 1

    @Option(help: "CRS of the input coordinates (e.g. EPSG:25831), overriding the files' own. Default: WGS84 lon/lat.")
    var crs: String?

    @Option(name: .customLong("metric-crs"), help: "CRS for metric work. Default: a projected input CRS, else the UTM zone of the data.")
    var metricCRS: String?

    @Option(name: .customLong("min-pedestrian-share"), parsing: .unconditional, help: "Minimum pedestrian share of street space, percent (BCNecologia: 60).")
    var minimumShare: Double = 60

    @Option(name: .customLong("desirable-pedestrian-share"), parsing: .unconditional, help: "Desirable pedestrian share of street space, percent (BCNecologia: 75).")
    var desirableShare: Double = 75

    @OptionGroup(title: "Noise") var noiseOptions: NoiseArguments

    @OptionGroup(title: "Traffic") var trafficOptions: TrafficArguments

    @Flag(name: .customLong("ignore-oneway"), help: "Traffic model and travel impact: drive one-way streets both ways (as plan --reroute --ignore-oneway).")
    var ignoreOneway = false

    @OptionGroup(title: "Health outcomes") var healthOptions: HealthArguments

    @OptionGroup var output: ConsoleOptions

    func validate() throws {
        guard (0...100).contains(minimumShare), (0...100).contains(desirableShare), minimumShare <= desirableShare else {
            throw ValidationError("Pedestrian-share thresholds must lie in 0...100 with minimum <= desirable.")
        }
        if !(0...1000).contains(matchTolerance) { throw ValidationError("--match-tolerance must lie in 0 ... 1000 m, got \(matchTolerance).") }
    }

    func load(_ layout: String, metricCRS: String?, console: Console = .plain) throws -> District {
        let files = [layout] + shared + (cells.map { [$0] } ?? [])
        return try InputFiles.load(files, options: LoadOptions(inputCRS: crs, metricCRS: metricCRS), console: console)
    }

    func run() async throws {
        try OutputDirectory.checkUsable(path: out)
        let console = output.console
        defer { console.finish() }
        console.stage("loading")
        let graphOptions = RoadGraph.Options(respectsOneway: !ignoreOneway)
        let model = TrafficModel(graphOptions: graphOptions)
        let (beforeDistrict, beforeModel) = try trafficOptions.prepare(try load(before, metricCRS: metricCRS, console: console), console: console, model: model)
        var afterDistrict = try load(after, metricCRS: metricCRS ?? beforeDistrict.crs, console: console)
        if let beforeModel, !TrafficModel.isModelled(afterDistrict) {
            // The same demand and class factors on the after network: only the paths change.
            let flows = model.rerun(beforeModel, streets: afterDistrict.streets).dailyFlow
            afterDistrict = TrafficModel.writing(flows, into: afterDistrict)
        } else {
            // With --traffic model and a before file that carried its own modelled flows, the after
            // layout is modelled on its own (unless it carries them too); otherwise unchanged.
            (afterDistrict, _) = try trafficOptions.prepare(afterDistrict, console: console, model: model)
        }
        let givenCells = cells.map { path in beforeDistrict.cells.filter { $0.origin.file == path } }
        var comparison = Comparison(
            allocator: SpaceAllocator(thresholds: PedestrianShareThresholds(minimumPercent: minimumShare, desirablePercent: desirableShare)),
            noise: NoiseModel(options: noiseOptions.options), matcher: StreetMatcher(tolerance: matchTolerance),
            health: healthOptions.options)
        comparison.progress = console.progress
        let result: LayoutComparison
        do { result = try await comparison.compare(before: beforeDistrict, after: afterDistrict, cells: givenCells) } catch {
            throw CommandFailure("comparison failed: \(error)")
        }
        var tables = ComparisonTables(result)
        console.stage("travel")
        let cellFeatures = givenCells ?? (afterDistrict.cells.isEmpty ? beforeDistrict.cells : afterDistrict.cells)
        do {
            let cells = try CellAnalysis().analyse(CellAnalysis.inputs(from: cellFeatures), in: result.after.district)
            tables.traffic = TrafficComparisonTables(TrafficComparison(result, cells: cells, graphOptions: graphOptions), comparison: result)
        } catch { throw CommandFailure("travel impact failed: \(error)") }
        var warnings: [String] = []
        console.stage("writing")
        let written = try tables.write(to: OutputDirectory(path: out), warnings: &warnings)
        console.warn(warnings)
        console.print("Before: \(before); after: \(after)" + (shared.isEmpty ? "" : "; both with " + shared.joined(separator: ", "))
                      + "\n\n" + tables.text + "\n\nWrote " + written.joined(separator: ", "))
    }
}
