import Foundation
import GeometryEngine
import Projection

/// Coordinates that cannot belong to the CRS a file is read in stop the run, naming the file.
///
/// Why: longitude/latitude data declared as EPSG:25831 used to load as a district of
/// "0.00 x 0.00 km" (every feature within a few metres of the CRS's false origin), and projected
/// data read with `--crs EPSG:4326` reached the UTM zone choice with longitudes in the hundreds of
/// thousands. Both are data errors only the user can fix, so they are errors, not warnings.
enum CoordinatePlausibility {
    static func check(_ pending: [(feature: DistrictFeature, crs: String)], projection: ProjectionContext) throws(DistrictLoadError) {
        var byFile: [String: (crs: String, features: [DistrictFeature])] = [:]
        var order: [String] = []
        for (feature, crs) in pending {
            if byFile[feature.origin.file] == nil { order.append(feature.origin.file) }
            byFile[feature.origin.file, default: (crs, [])].features.append(feature)
        }
        var geographicByCRS: [String: Bool] = [:]
        for file in order {
            guard let (crs, features) = byFile[file] else { continue }
            let geographic: Bool
            if let known = geographicByCRS[crs] {
                geographic = known
            } else {
                do { geographic = try MetricCRS.isGeographic(crs, context: projection) } catch {
                    throw DistrictLoadError(file: file, message: "unknown CRS \(crs): \(error.description)")
                }
                geographicByCRS[crs] = geographic
            }
            if geographic {
                // Degrees: longitudes within -360...360 (0...360 data exists), latitudes within -90...90.
                for feature in features {
                    guard let box = feature.geometry.envelope else { continue }
                    if !(box.minX >= -360 && box.maxX <= 360 && box.minY >= -90 && box.maxY <= 90) {
                        throw DistrictLoadError(
                            file: file,
                            message: "feature \(feature.origin.index)\(feature.origin.id.map { " (id \($0))" } ?? ""): coordinates such as "
                                + "(\(box.minX), \(box.minY)) are not longitude and latitude, but the file is read as \(crs); "
                                + "give its projected CRS with --crs (e.g. EPSG:25831)")
                    }
                }
            } else {
                // Metres: a whole file within 180 m of the false origin, spanning at most 2 m
                // (2 degrees: more than a district), is degrees. Small synthetic data in metres near
                // the origin spans more than that.
                let boxes = features.compactMap(\.geometry.envelope)
                guard let extent = boxes.reduce(nil, { $0?.union($1) ?? $1 }) else { continue }
                if extent.minX >= -180, extent.maxX <= 180, extent.minY >= -90, extent.maxY <= 90,
                   extent.maxX - extent.minX <= 2, extent.maxY - extent.minY <= 2 {
                    throw DistrictLoadError(
                        file: file,
                        message: "coordinates such as (\(extent.minX), \(extent.minY)) look like longitude and latitude, but the file "
                            + "is read as \(crs), a projected CRS in metres (the district would measure "
                            + String(format: "%.2f x %.2f km", (extent.maxX - extent.minX) / 1000, (extent.maxY - extent.minY) / 1000)
                            + "); remove its crs member or give --crs EPSG:4326")
                }
            }
        }
    }
}
