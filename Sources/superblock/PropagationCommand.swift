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

            With --scene, each file is a 3D scene (point source, receiver, buildings, walls, ground zones, \
            terrain break lines and path-finder settings; ISO/TR 17534-4 scene schema): the path finder lays \
            out the direct, lateral and reflected paths itself and the output is the receiver's level per \
            band (CSV case,band,l_db), for the source's sound power. Temperature, humidity and p come from \
            the scene's settings unless given here.
            """
    )

    @Argument(help: "Cut profile JSON files (case, path, points from source to receiver).")
    var profiles: [String] = []

    @Option(name: .customLong("scene"), help: "A 3D scene GeoJSON file whose paths to find (repeatable; instead of profiles).")
    var scenes: [String] = []

    @Option(parsing: .unconditional, help: "Air temperature, degrees C (-50...50; default 15, or the scene's).")
    var temperature: Double?

    @Option(parsing: .unconditional, help: "Relative humidity, percent (0...100; default 70, or the scene's).")
    var humidity: Double?

    @Option(parsing: .unconditional, help: "Probability p of favourable propagation conditions (0...1; default 0.5, or the scene's).")
    var favourable: Double?

    @Option(parsing: .unconditional, help: "Sound power per band, dB: one number for every band, or eight separated by commas (63 Hz...8 kHz; default 93, or the scene source's).")
    var power: String?

    @Option(help: "Output format: text or csv (case,path,band,lh_db,lf_db,l_db; with --scene case,band,l_db).")
    var format: EmissionFormat = .text

    func validate() throws {
        if profiles.isEmpty && scenes.isEmpty { throw ValidationError("Give at least one profile file, or --scene.") }
        if !profiles.isEmpty && !scenes.isEmpty { throw ValidationError("Give profile files or --scene, not both.") }
        if let temperature, !temperature.isFinite || !(-50 ... 50).contains(temperature) {
            throw ValidationError("--temperature must be between -50 and 50 degrees C.")
        }
        if let humidity, !humidity.isFinite || humidity <= 0 || humidity > 100 {
            throw ValidationError("--humidity must be a percentage above 0 and at most 100.")
        }
        if let favourable, !favourable.isFinite || !(0 ... 1).contains(favourable) {
            throw ValidationError("--favourable must be a probability between 0 and 1.")
        }
        _ = try bandPower()
    }

    /// The sound power per band given with --power, nil when not given.
    func bandPower() throws -> [Double]? {
        guard let power else { return nil }
        let values = power.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 1 || values.count == 8, let numbers = values as? [Double],
              numbers.allSatisfy({ $0.isFinite && abs($0) < 300 }) else {
            throw ValidationError("--power takes one level in dB or eight separated by commas, e.g. 93 or 80,85,90,93,93,90,85,80.")
        }
        return numbers.count == 1 ? Array(repeating: numbers[0], count: 8) : numbers
    }

    /// The conditions of a run: those given as options, the rest from `base` (the defaults, or a
    /// scene's settings).
    func conditions(over base: PropagationConditions = PropagationConditions()) -> PropagationConditions {
        PropagationConditions(temperature: temperature ?? base.temperature, humidity: humidity ?? base.humidity,
                              favourableProbability: favourable ?? base.favourableProbability)
    }

    func run() throws {
        if !scenes.isEmpty { return try runScenes() }
        let table = try profileTable()
        print(format == .csv ? table.csv : table.text, terminator: "")
    }

    /// Profile mode: every profile's LH, LF and L per band, and each case's receiver total.
    func profileTable() throws -> PropagationTable {
        var loaded: [CutProfile] = []
        for path in profiles {
            let data = try Self.read(path)
            do {
                var profile = try CutProfile(json: data)
                if profile.name.isEmpty { profile.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
                loaded.append(profile)
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
        }
        let power = try bandPower() ?? Array(repeating: 93, count: 8)
        return PropagationTable(PathLevels.evaluate(loaded, conditions: conditions(), power: power))
    }

    /// A file's bytes, or an error naming it (exit 1).
    static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("\(path): cannot read: \(error.localizedDescription)")
        }
    }

    /// Scene mode: find each scene's paths and print its receiver level per band.
    func runScenes() throws {
        let table = try sceneTable()
        print(format == .csv ? table.csv : table.text, terminator: "")
    }

    /// Each scene's paths and receiver level per band.
    func sceneTable() throws -> SceneLevelsTable {
        var rows: [SceneLevelsTable.Row] = []
        for path in scenes {
            let data = try Self.read(path)
            let scene: Scene
            do {
                scene = try Scene(geoJSON: data, name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
            let profiles = ScenePathFinder(scene: scene).profiles()
            let results = PathLevels.evaluate(profiles, conditions: conditions(over: scene.conditions),
                                              power: try bandPower() ?? scene.source.power)
            rows.append(SceneLevelsTable.Row(name: scene.name, paths: profiles.map(\.path.rawValue),
                                             levels: PathLevels.receiverTotals(results).first?.levels ?? []))
        }
        return SceneLevelsTable(rows)
    }
}
