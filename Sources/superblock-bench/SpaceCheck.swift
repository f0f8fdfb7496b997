import DistrictModel
import Foundation
import GeometryEngine
import Indicators

/// `superblock-bench space-check FILE...`: the street-space invariant on a real district, checked
/// against an independent computation. The allocation's pieces must add up to the area of the
/// union of every band polygon (one cascaded GEOS union, nothing resolved street by street), and
/// must not overlap (their own union equals their sum). Prints the three areas and the gaps.
/// `--wkt DIR` also writes `bands.wkt` and `pieces.wkt` (one polygon a line) there, for a union by
/// another GEOS (shapely's): GEOS 3.11's own overlays are what is being checked.
enum SpaceCheck {
    static func run(files arguments: [String]) throws {
        var files = arguments, wktDirectory: String?
        if let flag = files.firstIndex(of: "--wkt") {
            guard flag + 1 < files.count else {
                FileHandle.standardError.write(Data("space-check: --wkt needs a directory\n".utf8))
                exit(1)
            }
            wktDirectory = files[flag + 1]
            files.removeSubrange(flag...(flag + 1))
        }
        let district = try DistrictLoader().load(files.map { URL(fileURLWithPath: $0) })
        let allocation = try SpaceAllocator().allocate(district)
        let context = GeometryContext()
        let bands = try SpaceAllocator().bandPolygons(of: district, context: context).map(\.polygon)
        let bandUnion = try Geometry.union(of: bands, in: context).area
        let pieces = try allocation.pieces.map { piece throws(GeometryError) in try Geometry.fromWKB(piece.wkb, in: context) }
        let pieceSum = allocation.pieces.reduce(0) { $0 + $1.area }
        let pieceUnion = try Geometry.union(of: pieces, in: context).area
        if let wktDirectory {
            for (name, polygons) in [("bands", bands), ("pieces", pieces)] {
                let lines = try polygons.map { polygon throws(GeometryError) in try polygon.wkt(precision: 6) }
                try (lines.joined(separator: "\n") + "\n").write(toFile: wktDirectory + "/\(name).wkt", atomically: true, encoding: .utf8)
            }
        }
        let format = { (value: Double) in String(format: "%.2f", value) }
        print("district total        \(format(allocation.district.total)) m2")
        print("sum of pieces         \(format(pieceSum)) m2")
        print("union of pieces       \(format(pieceUnion)) m2 (overlap \(format(pieceSum - pieceUnion)) m2)")
        print("union of all bands    \(format(bandUnion)) m2 (pieces' union short by \(format(bandUnion - pieceUnion)) m2)")
    }
}
