import ArgumentParser
import CNOSSOS
import Indicators
import Reports

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute the indicators of a district and write them as CSV tables.",
        discussion: """
            Writes DIR/streets.csv (one row per street), DIR/district.csv (indicator,value,unit), \
            DIR/buildings.csv (residents and noise levels per building) and, when superblock cells are \
            given, DIR/cells.csv; prints a summary.
            """
    )

    @OptionGroup var input: DistrictInput

    @Option(name: .customLong("out"), help: "Directory for the CSV tables (created when missing).")
    var out: String

    @Option(help: "Output format of the summary: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("min-pedestrian-share"), help: "Minimum pedestrian share of street space, percent (BCNecologia: 60).")
    var minimumShare: Double = 60

    @Option(name: .customLong("desirable-pedestrian-share"), help: "Desirable pedestrian share of street space, percent (BCNecologia: 75).")
    var desirableShare: Double = 75

    @OptionGroup(title: "Noise") var noiseOptions: NoiseArguments

    func validate() throws {
        guard (0...100).contains(minimumShare), (0...100).contains(desirableShare), minimumShare <= desirableShare else {
            throw ValidationError("Pedestrian-share thresholds must lie in 0...100 with minimum <= desirable.")
        }
    }

    func run() async throws {
        let district = try input.loadDistrict()
        let allocator = SpaceAllocator(thresholds: PedestrianShareThresholds(minimumPercent: minimumShare, desirablePercent: desirableShare))
        let space: SpaceAllocation
        do { space = try allocator.allocate(district) } catch { throw CommandFailure("street-space allocation failed: \(error)") }
        let population: [BuildingPopulation]
        do { population = try PopulationEstimator().estimate(district) } catch { throw CommandFailure("population estimate failed: \(error)") }
        let noise: NoiseAnalysis
        do { noise = try await NoiseModel(options: noiseOptions.options).analyse(district, population: population) } catch {
            throw CommandFailure("noise model failed: \(error)")
        }
        let report = AnalysisReport(district: district, space: space, population: population, noise: noise)
        let directory = try OutputDirectory(path: out)
        let written = try report.write(to: directory)
        switch format {
        case .text:
            print(report.text)
            print("\nWrote " + written.joined(separator: ", "))
        case .json:
            print(report.json)
        }
    }
}
