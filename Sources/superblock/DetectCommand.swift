import ArgumentParser
import Foundation
import Indicators
import Reports

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Find superblock cells in the basic street network and write them as polygons.",
        discussion: """
            The basic network (streets tagged superblock=basic, else the --basic-classes) is polygonized; \
            cells under --min-cell-area merge with the neighbour they share most boundary with, cells over \
            --max-cell-area are flagged. Each cell gets its area, perimeter, residents, interior streets and \
            the through-route check. Output: a GeoJSON FeatureCollection of Polygons in the metric CRS \
            (layer=superblock), which plan, compare and analyze read as cells.
            """
    )

    @OptionGroup var input: DistrictInput

    @Option(name: [.short, .customLong("output")], help: "GeoJSON file for the cells.")
    var output: String

    @Option(name: .customLong("basic-classes"), help: "Comma-separated highway classes of the basic network when no street is tagged superblock=basic.")
    var basicClasses: String = BasicNetwork.defaultClasses.joined(separator: ",")

    @Option(name: .customLong("min-cell-area"), parsing: .unconditional, help: "Cells smaller than this (ha) merge with a neighbour (superblockify users: 2.56).")
    var minimumArea: Double = 2.56

    @Option(name: .customLong("max-cell-area"), parsing: .unconditional, help: "Cells larger than this (ha) are flagged too large (Eggimann 2022's 3x3 superblock: 19.2; superblockify users: 92).")
    var maximumArea: Double = 19.2

    @Flag(name: .customLong("ignore-oneway"), help: "Let the through-route check drive one-way streets both ways.")
    var ignoreOneway = false

    @OptionGroup var console: ConsoleOptions

    func validate() throws {
        guard minimumArea >= 0, maximumArea > minimumArea else {
            throw ValidationError("--min-cell-area must be >= 0 and below --max-cell-area.")
        }
        if classes.isEmpty { throw ValidationError("--basic-classes names no class.") }
    }

    var classes: [String] {
        basicClasses.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let console = self.console.console
        defer { console.finish() }
        console.stage("loading")
        let district = try input.loadDistrict(console: console)
        console.stage("cells")
        let analysis = CellAnalysis(basicNetwork: BasicNetwork(classes: classes),
                                    interiorCheck: InteriorCheck(respectsOneway: !ignoreOneway),
                                    limits: CellSizeLimits(minimumHectares: minimumArea, maximumHectares: maximumArea))
        let result: CellDetectionResult
        do { result = try CellDetection(analysis: analysis).detect(district) } catch { throw CommandFailure("cell detection failed: \(error)") }
        guard !result.cells.isEmpty else {
            throw CommandFailure("no cells: the basic network (\(result.basicRule)) has \(result.basicStreetCount) streets and encloses no face")
        }
        console.stage("writing")
        let cells = CellsGeoJSON(cells: result.cells, crs: district.crs)
        try cells.write(to: URL(fileURLWithPath: output))
        var lines = ["Basic network: \(result.basicStreetCount) streets (\(result.basicRule)); \(result.faceCount) faces -> \(result.cells.count) cells",
                     cells.table]
        for size in [CellSize.tooLarge, .tooSmall] {
            let flagged = result.cells.filter { $0.size == size }.map(\.id)
            if !flagged.isEmpty { lines.append("\(flagged.count) cell(s) \(size.rawValue): " + flagged.joined(separator: ", ")) }
        }
        lines.append("\nWrote \(output) (\(district.crs))")
        console.print(lines.joined(separator: "\n"))
    }
}
