import DistrictModel
import GeoJSON
import Indicators

/// The squares of `superblock plan --squares` as features of the after file, in its CRS.
enum SquareOutput {
    static func features(of plan: PlanResult, district: District, file: String) throws -> [Feature] {
        guard !plan.squares.isEmpty else { return [] }
        let convert = try district.toSourceCoordinates(of: file)
        return try plan.squareFeatures { xy throws(DistrictLoadError) in try convert(xy) }
    }
}
