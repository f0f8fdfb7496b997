import DistrictModel
import Foundation
import GeoJSON
import Indicators
import Testing
import TestSupport

/// The traffic model (demand, assignment, class scaling) on the Eixample sample and `plan
/// --reroute` on the synthetic grid.
@Suite struct TrafficModelTests {
    static let eixample: District = try! DistrictLoader().load(["roads", "buildings"].map { FixtureFiles.sample("eixample/\($0).geojson") })

    /// Mean modelled flow per street name (motor streets only).
    static func meanByName(_ district: District, _ flows: [Double?]) -> [String: Double] {
        var sums: [String: (Double, Int)] = [:]
        for (index, street) in district.streets.enumerated() {
            guard let flow = flows[index], let name = street.attributes.string("name") else { continue }
            sums[name, default: (0, 0)].0 += flow
            sums[name, default: (0, 0)].1 += 1
        }
        return sums.mapValues { $0.0 / Double($0.1) }
    }

    @Test func eixampleFlowsRankTheMainStreetsAboveOrdinaryCerdaStreets() throws {
        let district = Self.eixample
        let population = try PopulationEstimator().estimate(district)
        let model = TrafficModel().run(district, population: population)
        let means = Self.meanByName(district, model.dailyFlow)
        let main = ["Carrer d'Aragó", "Carrer de València", "Carrer de Balmes"]
        let ordinary = ["Carrer de Provença", "Carrer del Rosselló", "Carrer de Còrsega", "Carrer d'Enric Granados", "Carrer de Casanova",
                        "Carrer de Villarroel"]
        let highestOrdinary = try ordinary.map { try #require(means[$0], "\($0)") }.max()!
        for name in main { #expect(try #require(means[name]) > highestOrdinary, "\(name)") }
        // The class means are the defaults (no street of the sample carries counts).
        #expect(model.calibration == nil)
        var length: [String: (Double, Double)] = [:]
        for (index, street) in district.streets.enumerated() where model.graph.includesStreet[index] && street.highway == "secondary" {
            length["secondary", default: (0, 0)].0 += (model.assignedFlow[index] * model.scaling.factorByClass["secondary"]!) * model.graph.streetLength[index]
            length["secondary", default: (0, 0)].1 += model.graph.streetLength[index]
        }
        let secondary = try #require(length["secondary"])
        #expect(abs(secondary.0 / secondary.1 - 15_000) < 1)
        // Flows vary within a class: the network, not the class, ranks them.
        let secondaries = district.streets.indices.filter { district.streets[$0].highway == "secondary" }.compactMap { model.dailyFlow[$0] }
        #expect(secondaries.max()! > 2 * secondaries.min()!)
        #expect(model.demand.zones.contains { $0.isBoundary })
    }

    /// Counted streets set their class's factor by least squares; the fit is reported.
    @Test func countsCalibrateTheirClass() throws {
        var district = Self.eixample
        let population = try PopulationEstimator().estimate(district)
        let first = TrafficModel().run(district, population: population)
        // Count 20 secondary streets (above the floor of 5 % of the default, so their flow is the
        // scaled assignment) at 1.5 x what the anchored model gives them: the fitted factor is
        // 1.5 x the anchored one, and the fit on them is perfect.
        let counted = district.streets.indices.filter { district.streets[$0].highway == "secondary" && (first.dailyFlow[$0] ?? 0) > 1_000 }.prefix(20)
        var features = district.features
        var street = 0
        for index in features.indices where features[index].layer == .street {
            if counted.contains(street) { features[index].attributes.values["traffic:aadt"] = .number(1.5 * first.dailyFlow[street]!) }
            street += 1
        }
        district.features = features
        let second = TrafficModel().run(district, population: population)
        let fit = try #require(second.calibration)
        #expect(fit.streets == 20)
        #expect(abs(fit.rSquared - 1) < 1e-9)
        #expect(abs(fit.meanError) < 1e-6)
        #expect(second.scaling.countedClasses == ["secondary"])
        #expect(abs(second.scaling.factorByClass["secondary"]! / first.scaling.factorByClass["secondary"]! - 1.5) < 1e-9)
    }
}
