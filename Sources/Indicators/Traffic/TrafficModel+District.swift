import DistrictModel
import GeoJSON
import GeometryEngine

/// Where street traffic comes from when a street has no figures of its own (`--traffic`).
public enum TrafficMode: String, CaseIterable, Sendable {
    /// The class defaults of `TrafficDefaults` (`traffic_source` = `default`).
    case defaults
    /// The network model (`TrafficModel`, `traffic_source` = `modelled`).
    case model
}

/// The key a modelled daily flow is written under: read by `TrafficInference` after a street's
/// own figures (counts, NoiseModelling's fields, `traffic:aadt`) and before the class default.
public let modelledFlowKey = "traffic:modelled"

extension TrafficModel {
    /// Whether the district's streets carry modelled flows already (an after layout written by
    /// `plan --reroute`): those are kept rather than modelled again on the after network alone.
    public static func isModelled(_ district: District) -> Bool {
        district.streets.contains { $0.attributes[modelledFlowKey] != nil }
    }

    /// The district with `traffic:modelled` (vehicles a day) on every street of the road graph,
    /// and the model's result. Streets with their own figures keep using them (the model's value
    /// is then only shown beside them, in `vehicles_day_modelled`).
    public func apply(to district: District) throws(GeometryError) -> (District, ModelledTraffic) {
        let population = try PopulationEstimator().estimateWithCensus(district).buildings
        let result = run(district, population: population)
        return (Self.writing(result.dailyFlow, into: district), result)
    }

    /// `collection`, the features of `file`, with the `traffic:modelled` that `district` (loaded
    /// from it, among others) carries on its streets: how an after layout keeps the flows the model
    /// gave the before one (`plan --traffic model`).
    public static func writing(_ district: District, into collection: FeatureCollection, file: String) -> FeatureCollection {
        var result = collection
        for street in district.streets where street.origin.file == file && result.features.indices.contains(street.origin.index) {
            guard let flow = street.attributes[modelledFlowKey] else { continue }
            result.features[street.origin.index].properties[modelledFlowKey] = flow
        }
        return result
    }

    /// `district` with `flows` (one per street, nil: left alone) written as `traffic:modelled`.
    public static func writing(_ flows: [Double?], into district: District) -> District {
        var features = district.features
        var street = 0
        for index in features.indices where features[index].layer == .street {
            defer { street += 1 }
            guard street < flows.count, let flow = flows[street] else { continue }
            features[index].attributes.values[modelledFlowKey] = .number((flow * 10).rounded() / 10)
        }
        var copy = district
        copy.features = features
        return copy
    }
}
