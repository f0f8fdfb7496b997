import ArgumentParser
import CNOSSOS
import Foundation
import Reports

struct PropagationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propagation",
        abstract: "Evaluate CNOSSOS-EU point-to-point propagation on vertical cut profiles, per octave band.",
        discussion: """
            Directive 2002/49/EC Annex II 2.5 as amended by (EU) 2015/996 and (EU) 2021/1226: divergence, \
            atmospheric absorption (ISO 9613-1), ground effect over the mean plane, diffraction over and \
            around obstacles, reflections, in homogeneous (LH) and favourable (LF) conditions, and the \
            long-term level L = 10 lg(p 10^(LF/10) + (1 - p) 10^(LH/10)). Profiles are JSON files in the \
            ISO/TR 17534-4 schema (see README). Levels are unweighted, for the given sound power per band.
            """
    )

    @Argument(help: "Cut profile JSON files (case, path, points from source to receiver).")
    var profiles: [String] = []

    @Option(parsing: .unconditional, help: "Air temperature, degrees C (-50...50).")
    var temperature: Double = 15

    @Option(parsing: .unconditional, help: "Relative humidity, percent (0...100).")
    var humidity: Double = 70

    @Option(parsing: .unconditional, help: "Probability p of favourable propagation conditions (0...1).")
    var favourable: Double = 0.5

    @Option(parsing: .unconditional, help: "Sound power per band, dB: one number for every band, or eight separated by commas (63 Hz...8 kHz).")
    var power: String = "93"

    @Option(help: "Output format: text or csv (case,path,band,lh_db,lf_db,l_db).")
    var format: EmissionFormat = .text

    func validate() throws {
        if profiles.isEmpty { throw ValidationError("Give at least one profile file.") }
        guard temperature.isFinite, (-50 ... 50).contains(temperature) else {
            throw ValidationError("--temperature must be between -50 and 50 degrees C.")
        }
        guard humidity.isFinite, humidity > 0, humidity <= 100 else {
            throw ValidationError("--humidity must be a percentage above 0 and at most 100.")
        }
        guard favourable.isFinite, (0 ... 1).contains(favourable) else {
            throw ValidationError("--favourable must be a probability between 0 and 1.")
        }
        _ = try bandPower()
    }

    func bandPower() throws -> [Double] {
        let values = power.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 1 || values.count == 8, let numbers = values as? [Double],
              numbers.allSatisfy({ $0.isFinite && abs($0) < 300 }) else {
            throw ValidationError("--power takes one level in dB or eight separated by commas, e.g. 93 or 80,85,90,93,93,90,85,80.")
        }
        return numbers.count == 1 ? Array(repeating: numbers[0], count: 8) : numbers
    }

    func run() throws {
        var loaded: [CutProfile] = []
        for path in profiles {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw CommandFailure("\(path): cannot read: \(error.localizedDescription)")
            }
            do {
                var profile = try CutProfile(json: data)
                if profile.name.isEmpty { profile.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
                loaded.append(profile)
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
        }
        let conditions = PropagationConditions(temperature: temperature, humidity: humidity, favourableProbability: favourable)
        let results = PathLevels.evaluate(loaded, conditions: conditions, power: try bandPower())
        let table = PropagationTable(results)
        print(format == .csv ? table.csv : table.text, terminator: "")
    }
}
