import ArgumentParser
import Reports

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe district files: CRS, extent, features per layer, street attribute coverage and problems."
    )

    @OptionGroup var input: DistrictInput

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .customLong("all-problems"), help: "List every problem, not only the first \(InfoReport.listedProblems).")
    var allProblems = false

    func run() throws {
        let district = try input.loadDistrict()
        let report = InfoReport(files: input.files, district: district)
        switch format {
        case .text: print(report.text(listAllProblems: allProblems))
        case .json: print(report.json())
        }
    }
}
