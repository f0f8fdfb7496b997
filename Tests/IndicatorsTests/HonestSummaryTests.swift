import DistrictModel
import Foundation
import GeoJSON
import Indicators
import Reports
import Testing
import TestSupport

/// The first lines of every summary say what was assumed; a missing input layer leaves its
/// indicators not assessed (empty, with a warning), never 0 (issue 9).
@Suite struct HonestSummaryTests {
    static func grid(dropping layers: Set<Layer>) throws -> District {
        var district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        district.features.removeAll { layers.contains($0.layer) }
        return district
    }

    static func report(_ district: District, noise: Bool = false) async throws -> AnalysisReport {
        let space = try SpaceAllocator().allocate(district)
        let population = try PopulationEstimator().estimate(district)
        let green = try GreenAnalyzer().analyse(district, population: population)
        let levels = noise ? try await NoiseModel(options: .freeField).analyse(district, population: population) : nil
        return AnalysisReport(district: district, space: space, population: population, noise: levels, green: green)
    }

    /// Without green polygons green access is unknown, not zero: every row resting on the green
    /// layer is empty, the summary says "not assessed: no green layer" and warns.
    @Test func noGreenLayerMeansGreenAccessIsNotAssessed() async throws {
        let report = try await Self.report(try Self.grid(dropping: [.green, .vacant]))
        // The analysis itself finds no green; the report must not turn that into 0 %.
        #expect(report.green!.summary.residentsGreen300m == 0)
        let rows = report.districtRows
        for name in ["green_area_m2", "green_parts", "green_m2_per_resident", "residents_green_300m_pct", "residents_green_300m_1ha_pct",
                     "residents_green_1000m2_200m_pct", "residents_green_all_4_classes_pct", "residents_3_30_300_pct"] {
            #expect(rows.rows.contains { $0.indicator == name }, "\(name) is still a row")
            #expect(rows.value(of: name) == nil, "\(name) not assessed")
        }
        // Trees are there: their criteria are assessed (every building has 3 street trees within 15 m).
        #expect(rows.value(of: "residents_3_trees_15m_pct") == 100)
        #expect(rows.value(of: "canopy_pct") != nil)
        let csv = rows.csv.rows.first { $0[0] == "residents_green_300m_pct" }
        #expect(csv == ["residents_green_300m_pct", "", "%"])
        #expect(report.text.contains("residents within 300 m of green >= 0.5 ha (WHO)  not assessed: no green layer"))
        #expect(report.text.contains("warning: no green layer"))
        #expect(!report.text.contains("warning: no tree layer"))
        let buildings = BuildingsTable(district: report.district, population: report.population, noise: nil, green: report.green).csv
        let column = { (name: String) in buildings.header.firstIndex(of: name)! }
        #expect(buildings.rows.allSatisfy { $0[column("green_300m")] == "" && $0[column("meets_3_30_300")] == "" })
        #expect(buildings.rows.allSatisfy { $0[column("trees_15m")] != "" })
    }

    /// Without tree points the tree criteria of 3-30-300 are empty; green access stays assessed
    /// (36 of 79 blocks within 300 m of the park, GreenAccessTests).
    @Test func noTreeLayerMeansTreeCriteriaAreNotAssessed() async throws {
        let report = try await Self.report(try Self.grid(dropping: [.tree]))
        let rows = report.districtRows
        for name in ["residents_3_trees_15m_pct", "canopy_pct", "residents_3_30_300_pct", "street_sections_trees_ge_0_2_per_m_pct"] {
            #expect(rows.value(of: name) == nil, "\(name) not assessed")
        }
        #expect(abs(rows.value(of: "residents_green_300m_pct")! - 100.0 * 36 / 79) < 1e-9)
        #expect(rows.value(of: "street_sections") == 180)
        #expect(report.text.contains("residents meeting 3-30-300                       not assessed: no tree layer"))
        #expect(report.text.contains("warning: no tree layer (natural=tree points)"))
        #expect(report.json.contains("no tree layer"))
    }

    /// The Eixample extract maps no parks (its tree layer is there): green access is empty with
    /// "not assessed: no green layer", the tree criteria are assessed.
    @Test func eixampleGreenAccessIsNotAssessed() throws {
        let district = try DistrictLoader().load(["roads", "buildings", "trees"].map { FixtureFiles.sample("eixample/\($0).geojson") })
        #expect(district.greens.isEmpty && !district.trees.isEmpty)
        let green = try GreenAnalyzer().analyse(district, population: try PopulationEstimator().estimate(district))
        var rows = IndicatorRows()
        let tables = GreenTables(green)
        tables.addDistrictRows(to: &rows)
        #expect(rows.rows.first { $0.indicator == "residents_green_300m_pct" }?.value == nil)
        #expect(rows.value(of: "residents_3_30_300_pct") == nil)
        #expect(rows.value(of: "residents_3_trees_15m_pct")! > 0)
        #expect(tables.summary.contains("residents within 300 m of green >= 0.5 ha (WHO)  not assessed: no green layer"))
        #expect(tables.warnings == ["warning: no green layer (green polygons: leisure=park/garden, landuse=grass, natural=wood, ...): "
            + "green space, green access and 3-30-300 not assessed (left empty, not 0)"])
    }

    /// Both layers present: nothing is flagged.
    @Test func withEveryLayerNothingIsFlagged() async throws {
        let report = try await Self.report(try Self.grid(dropping: []))
        #expect(!report.text.contains("not assessed") && !report.text.contains("warning: no"))
        #expect(report.districtRows.value(of: "residents_3_30_300_pct") != nil)
    }

    /// The synthetic grid with, by hand:
    /// - `traffic:aadt` taken off 45 of its 180 street segments (all 133.3 m): class defaults on
    ///   45 / 180 = 25 % of the street length;
    /// - `building:levels` taken off 20 of the 79 buildings: 25.316 % default heights;
    /// - `population` taken off 10 other buildings: each perimeter block has a footprint of
    ///   113.3^2 - 63.3^2 (its courtyard) = 12,836.89 - 4,006.89 = 8,830 m2, so becomes
    ///   8,830 m2 x 6 storeys / 35 m2 = 1,513.71 residents by floor area; 15,137.1 of
    ///   69 x 600 + 15,137.1 = 56,537.1 residents: 26.774 % estimated without census.
    @Test func theFirstLinesSayWhatWasAssumed() async throws {
        var district = try Self.grid(dropping: [])
        var streets = 0, heights = 0, people = 0
        for index in district.features.indices {
            var values = district.features[index].attributes.values
            switch district.features[index].layer {
            case .street where streets < 45:
                values["traffic:aadt"] = nil
                streets += 1
            case .building where heights < 20:
                values["building:levels"] = nil
                heights += 1
            case .building where people < 10:
                values["population"] = nil
                people += 1
            default: continue
            }
            district.features[index].attributes = Attributes(values)
        }
        let report = try await Self.report(district, noise: true)
        let a = report.assumptions
        #expect(abs(a.trafficStreetLength - 180 * 133.3) < 1e-6)
        #expect(abs(a.defaultTrafficLengthPercent! - 25) < 1e-9)
        #expect(a.buildingsWithDefaultHeight == 20)
        #expect(abs(a.defaultHeightPercent! - 100.0 * 20 / 79) < 1e-9)
        let perBuilding = (113.3 * 113.3 - 63.3 * 63.3) * 6 / 35
        #expect(abs(perBuilding - 1513.71) < 0.01)
        #expect(abs(a.residentsWithoutCensusPercent! - 100 * 10 * perBuilding / (69 * 600 + 10 * perBuilding)) < 1e-6)
        #expect(abs(a.residentsWithoutCensusPercent! - 26.774) < 0.001)

        let lines = report.text.split(separator: "\n").prefix(4).map(String.init)
        #expect(lines[0].hasPrefix("Noise model: free field"))
        #expect(lines[1].hasPrefix("Assumed traffic: class defaults on 25.0 % of the street length"))
        #expect(lines[2].hasPrefix("Assumed heights: a default of 3 m (one storey) for 25.3 % of buildings (20 of 79"))
        #expect(lines[3].hasPrefix("Assumed residents: 26.8 % estimated without census"))
        let rows = report.districtRows
        #expect(rows.rows.first { $0.indicator == "noise_model" }?.unit == "free field")
        #expect(abs(rows.value(of: "street_length_default_traffic_pct")! - 25) < 1e-9)
        #expect(rows.value(of: "buildings_default_height") == 20)

        // The model name follows the noise options.
        var options = NoiseOptions()
        options.method = .freeField
        options.screening = true
        #expect(options.modelName.hasPrefix("free field, buildings block"))
        var freeField = NoiseOptions()
        freeField.method = .freeField
        #expect(freeField.modelName == "free field")
        #expect(NoiseOptions().modelName.hasPrefix("CNOSSOS-EU propagation"))
    }
}

/// Health outcomes in `analyze` and `compare`.
@Suite struct HealthReportTests {
    @Test func analyzeWritesTheHealthRowsAndColumns() async throws {
        let district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        let population = try PopulationEstimator().estimate(district)
        let noise = try await NoiseModel(options: .freeField).analyse(district, population: population)
        let health = HealthImpact(buildings: noise.buildings, options: HealthOptions(ihdIncidencePer100000: 250))
        let report = AnalysisReport(district: district, space: try SpaceAllocator().allocate(district), population: population,
                                    noise: noise, health: health)
        let rows = report.districtRows
        // The rows carry the district sums of the per-building outcomes.
        let annoyed = health.buildings.compactMap(\.highlyAnnoyed).reduce(0, +)
        #expect(abs(rows.value(of: "residents_highly_annoyed")! - annoyed) < 1e-9)
        #expect(annoyed > 0 && annoyed < 79 * 600)
        #expect(rows.value(of: "residents_highly_sleep_disturbed") == health.residentsHighlySleepDisturbed)
        #expect(rows.value(of: "ihd_cases_attributable") == health.ihdCasesAttributable)
        #expect(rows.value(of: "ihd_incidence_per_100000") == 250)
        // One building by hand from its own levels.
        let first = try #require(noise.buildings[0].levels)
        #expect(abs(health.buildings[0].highlyAnnoyed! - 600 * HealthOutcomes.highlyAnnoyedPercent(lden: first.lden) / 100) < 1e-9)
        let table = BuildingsTable(district: district, population: population, noise: noise, green: nil, health: health).csv
        let column = try #require(table.header.firstIndex(of: "highly_annoyed"))
        #expect(table.rows[0][column] == NumberFormat.fixed(health.buildings[0].highlyAnnoyed!, 2))
        #expect(table.header.suffix(4) == ["highly_annoyed", "highly_sleep_disturbed", "height_m", "height_source"])
        #expect(table.rows[0].suffix(2) == ["18.0", "levels"])  // 6 storeys x 3 m
        #expect(report.text.contains("health outcomes, road traffic"))
    }

    /// The default plan cuts interior traffic by 82 %: fewer residents highly annoyed and sleep-
    /// disturbed and fewer IHD cases after, each side equal to the outcome of its own levels.
    @Test func compareReportsHealthBeforeAndAfter() async throws {
        let comparison = try await SyntheticComparison.shared.value()
        let summary = comparison.summary
        for (name, before, after) in [
            ("residents_highly_annoyed", comparison.before.health.residentsHighlyAnnoyed, comparison.after.health.residentsHighlyAnnoyed),
            ("residents_highly_sleep_disturbed", comparison.before.health.residentsHighlySleepDisturbed,
             comparison.after.health.residentsHighlySleepDisturbed),
            ("ihd_cases_attributable", comparison.before.health.ihdCasesAttributable, comparison.after.health.ihdCasesAttributable),
        ] {
            let row = try #require(summary.row(name))
            #expect(row.before == before && row.after == after)
            #expect(row.change! < 0, "\(name) falls")
        }
        #expect(comparison.after.health == HealthImpact(buildings: comparison.after.noise.buildings))
        let long = ComparisonTables(comparison).long
        let annoyed = try #require(long.rows.first { $0[0] == "district" && $0[2] == "residents_highly_annoyed" })
        #expect(annoyed[4] != "" && annoyed[5] != "" && annoyed[6].hasPrefix("-"))
        let text = ComparisonTables(comparison).text
        #expect(text.hasPrefix("Noise model: free field"))
        #expect(text.contains("residents highly annoyed (road traffic)"))
    }
}
