// libFuzzer target over the analysis of small districts (`make fuzz`): street space, residents,
// emission, facade-level noise at building points and green access.
//
// Why: the loader's checks exist so that the analysis never meets a number it cannot handle. This
// target holds it to that: every result must be finite (a level may be -inf only where no street
// is heard), and nothing may trap, hang or touch memory it does not own.
import DistrictModel
import Foundation
import GeoJSON
import Indicators

@_cdecl("LLVMFuzzerTestOneInput")
public func analyzeFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let collection = try? GeoJSONReader().decode(bytes, source: "fuzz.geojson"), collection.features.count <= 64,
          let district = try? DistrictLoader().load([NamedCollection(name: "fuzz.geojson", collection: collection)]) else { return 0 }
    if let space = try? SpaceAllocator().allocate(district) {
        for street in space.streets {
            precondition(street.length.isFinite && street.areas.total.isFinite, "non-finite street space for \(street.origin)")
        }
    }
    guard let population = try? PopulationEstimator().estimate(district) else { return 0 }
    for building in population { precondition(building.population.isFinite && building.population >= 0, "bad population") }
    let noise = NoiseModel()
    for street in noise.streetNoise(district) {
        for period in Period.allCases { precondition(street.lwA(period).map(\.isFinite) ?? true, "non-finite emission for \(street.id)") }
    }
    let points = district.buildings.compactMap { $0.geometry.envelope }.flatMap { [$0.center.x, $0.center.y] }
    for levels in noise.levels(atPoints: points, in: district) {
        for period in Period.allCases { precondition(!levels[period].isNaN && levels[period] != .infinity, "NaN level") }
    }
    if let green = try? GreenAnalyzer().analyse(district, population: population) {
        for building in green.buildings { precondition(building.neighbourhoodCanopy.isFinite, "non-finite canopy") }
    }
    return 0
}
