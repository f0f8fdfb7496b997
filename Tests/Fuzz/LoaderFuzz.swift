// libFuzzer target over the GeoJSON reader and the district loader (`make fuzz`).
//
// Why: the loader is where untrusted bytes become numbers the analysis trusts. Every input must
// end in a district or in an error naming the file; a crash, a hang (libFuzzer's -timeout) or an
// AddressSanitizer report is a finding. Built by the Makefile with swiftc -sanitize=fuzzer,address
// against the package's modules, not by `swift build` (libFuzzer supplies `main`).
import DistrictModel
import Foundation
import GeoJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // Both reader modes: files in degrees (range-checked) and files read with --crs.
    for checksRange in [true, false] {
        guard let collection = try? GeoJSONReader(checksGeographicRange: checksRange).decode(bytes, source: "fuzz.geojson") else { continue }
        let options = checksRange ? LoadOptions() : LoadOptions(inputCRS: "EPSG:25831")
        if let district = try? DistrictLoader(options: options).load([NamedCollection(name: "fuzz.geojson", collection: collection)]) {
            // What the loader promises: finite coordinates within the extent limit.
            if let extent = district.extent {
                precondition(extent.minX.isFinite && extent.maxY.isFinite, "non-finite coordinates passed the loader")
                precondition(extent.maxX - extent.minX <= ExtentLimit.maximumSide, "extent over the limit passed the loader")
            }
        }
    }
    return 0
}
