import ArgumentParser
import DistrictModel
import Foundation
import GeoJSON
import Indicators
import Reports

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the after layout of a superblock plan as a district file.",
        discussion: """
            Every feature of FILE is kept; only the interior streets of the cells change: \
            superblock=interior, maxspeed=--speed, traffic figures cut by --traffic-cut (a street without \
            any gets traffic:aadt = class default x (1 - cut)), and the moving-traffic carriageway given to \
            shared space (--shared-share) and green strips (--green-share); what is left of it stays a \
            central motor lane (shared:width). With --reroute the interiors become access only and the \
            traffic model's demand is assigned again on the after network: every street gets its after flow \
            (traffic:modelled), the interior cut comes from the model, and car travel before and after is \
            reported; a plan that disconnects the network is refused. With --traffic model (and no \
            --reroute) the model's flows go on every street and the interiors' are cut by --traffic-cut. \
            Files given with --with (buildings, census) feed the traffic model and are not written. \
            The output keeps FILE's CRS and \
            analyses again: superblock analyze AFTER CELLS, superblock compare FILE AFTER --cells CELLS.
            """
    )

    @Argument(help: "The before layout (GeoJSON, or an OSM extract: the after layout is then GeoJSON in WGS 84).", completion: .file(extensions: ["geojson", "json"]))
    var file: String

    @Option(help: "Superblock cells (GeoJSON polygons, e.g. from superblock detect). Default: the superblock layer of FILE.")
    var cells: String?

    @Option(name: .customLong("with"), help: "A file the plan reads but does not rewrite (buildings, census): the traffic model's residents and floor area with --reroute or --traffic model; repeat for several.")
    var shared: [String] = []

    @Option(name: [.short, .customLong("output")], help: "GeoJSON file for the after layout.")
    var output: String

    @Option(name: .customLong("traffic-cut"), parsing: .unconditional, help: "Share of motor traffic taken off the interior streets, 0...1 (Sant Antoni: 0.82; default 0.82). Not with --reroute, where the model gives the cut.")
    var trafficCut: Double?

    @Option(name: .customLong("shared-share"), parsing: .unconditional, help: "Share of each interior carriageway given to shared space, 0...1.")
    var sharedShare: Double = 0.8

    @Option(name: .customLong("green-share"), parsing: .unconditional, help: "Share of each interior carriageway given to green strips, 0...1; shared + green <= 1, the rest stays a motor lane.")
    var greenShare: Double = 0.2

    @Option(parsing: .unconditional, help: "Speed limit of the interior streets, km/h (1 ... 200).")
    var speed: Double = 10

    @Flag(help: "Make the interiors access only and re-assign the traffic model's demand on the after network: new flows on every street, travel before and after.")
    var reroute = false

    @Flag(name: .customLong("ignore-oneway"), help: "With --reroute or --traffic model: drive one-way streets both ways in the road graph.")
    var ignoreOneway = false

    @Flag(help: "Turn the crossings of interior streets into squares: their carriageway becomes pedestrian space, --green-share of it a planter.")
    var squares = false

    @Option(name: .customLong("basic-classes"), help: "Comma-separated highway classes of the basic network (never interior) when no street is tagged superblock=basic.")
    var basicClasses: String = BasicNetwork.defaultClasses.joined(separator: ",")

    @Option(help: "CRS of the input coordinates (e.g. EPSG:25831), overriding the files' own. Default: WGS84 lon/lat.")
    var crs: String?

    @Option(name: .customLong("metric-crs"), help: "CRS for metric work. Default: a projected input CRS, else the UTM zone of the data.")
    var metricCRS: String?

    @OptionGroup var trafficOptions: TrafficArguments

    @OptionGroup var console: ConsoleOptions

    func validate() throws {
        if reroute, trafficCut != nil {
            throw ValidationError("--traffic-cut is the fixed share of a plan without --reroute; with --reroute the traffic model gives each interior street's cut.")
        }
        for (name, value) in [("--traffic-cut", trafficCut ?? 0.82), ("--shared-share", sharedShare), ("--green-share", greenShare)] where !(0...1).contains(value) {
            throw ValidationError("\(name) must lie in 0...1, got \(value).")
        }
        if sharedShare + greenShare > 1 + 1e-9 { throw ValidationError("--shared-share + --green-share must be at most 1.") }
        if !AttributeLimits.speed.contains(speed) { throw ValidationError("--speed must lie in 1 ... 200 km/h, got \(speed).") }
    }

    func run() throws {
        let console = self.console.console
        defer { console.finish() }
        console.stage("loading")
        let options = LoadOptions(inputCRS: crs, metricCRS: metricCRS)
        let files = [file] + shared + (cells.map { [$0] } ?? [])
        let loaded = try InputFiles.load(files, options: options, console: console)
        // --reroute runs the model itself, before and after; otherwise --traffic model gives every
        // street its modelled flow, and the fixed cut applies to the interiors' (`traffic:modelled`
        // is one of the flows a plan cuts).
        let model = TrafficModel(graphOptions: RoadGraph.Options(respectsOneway: !ignoreOneway))
        let (district, modelled) = reroute ? (loaded, nil) : try trafficOptions.prepare(loaded, console: console, model: model)
        let cellFeatures = district.cells.filter { cell in cells.map { cell.origin.file == $0 } ?? true }
        guard !cellFeatures.isEmpty else {
            if let cells {
                let skipped = district.problems.filter { $0.origin.file == cells }
                throw CommandFailure("\(cells): no superblock cell (a polygon) in the file"
                                     + (skipped.first.map { "; \(skipped.count) feature(s) skipped, e.g. \($0)" } ?? ""))
            }
            throw CommandFailure("no superblock cells: give --cells (e.g. the output of superblock detect) or a superblock layer in \(file)")
        }
        let classes = basicClasses.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let planner = SuperblockPlan(
            options: PlanOptions(trafficCut: trafficCut ?? 0.82, sharedShare: sharedShare, greenShare: greenShare, speed: speed, reroute: reroute,
                                 respectsOneway: !ignoreOneway, squares: squares),
            analysis: CellAnalysis(basicNetwork: BasicNetwork(classes: classes)))
        let plan: PlanResult
        console.stage("plan")
        do { plan = try planner.plan(district, cells: CellAnalysis.inputs(from: cellFeatures)) } catch { throw CommandFailure("plan failed: \(error)") }
        if let travel = plan.travel {
            do { try travel.checkConnected() } catch { throw CommandFailure("\(file): \(error.description); nothing written") }
        }

        console.stage("writing")
        var collection = try InputFiles.collection(of: file, checksGeographicRange: crs == nil)
        if !reroute, trafficOptions.traffic == .model { collection = TrafficModel.writing(district, into: collection, file: file) }
        collection = plan.apply(to: collection, file: file)
        collection.features += try SquareOutput.features(of: plan, district: district, file: file)
        if let crs, !OSMFileType.isExtract(file) { collection.crs = crs }
        let geographic = CRSName.isGeographic(collection.crs ?? CRSName.crs84)
        do {
            try GeoJSONWriter(coordinatePrecision: geographic ? 9 : 4).write(collection, to: URL(fileURLWithPath: output))
        } catch {
            throw CommandFailure("\(output): cannot write: \(error.description)")
        }
        let modelNote = modelled.map { "\n\nnote: " + TrafficModelLines($0).note } ?? ""  // its warning is on standard error
        console.print(PlanReport(plan: plan).text + modelNote + "\n\nWrote \(output): \(collection.features.count) features, \(plan.streets.count) streets changed")
    }
}
