import ArgumentParser
import DistrictModel
import Indicators
import Reports

extension TrafficMode: ExpressibleByArgument {}

/// `--traffic defaults|model`, shared by analyze, plan and compare.
struct TrafficArguments: ParsableArguments {
    @Option(help: "Traffic of streets without figures of their own: defaults (class defaults, traffic_source=default) or model (the network demand model, traffic_source=modelled).")
    var traffic: TrafficMode = .defaults

    /// The district with modelled flows (`traffic:modelled`) when `--traffic model` is given and
    /// the file carries none yet (an after layout from `plan --reroute` keeps its own), and the
    /// model's result when it ran.
    func prepare(_ district: District, console: Console, model: TrafficModel = TrafficModel()) throws -> (District, ModelledTraffic?) {
        guard traffic == .model, !TrafficModel.isModelled(district) else { return (district, nil) }
        console.stage("traffic model")
        let (modelled, result): (District, ModelledTraffic)
        do { (modelled, result) = try model.apply(to: district) } catch { throw CommandFailure("traffic model failed: \(error)") }
        var noted = modelled
        noted.inputNotes.append(TrafficModelLines(result).note)
        if let warning = TrafficModelLines(result).warning { console.warn([warning]) }
        return (noted, result)
    }
}
