import DistrictModel
import GeoPackage
import GeometryEngine
import Indicators

/// `district.gpkg`: the layers of `superblock analyze`, in the district's metric CRS, each with the
/// columns of its CSV table and a default QGIS style (names documented in the README).
///
/// `streets`, `street_space` and `buildings` are always written (empty when the district has
/// none); `green`, `lots`, `cells`, `receivers` and `noise_bands` only when they have features.
public struct DistrictGeoPackage: Sendable {
    public static let fileName = "district.gpkg"

    public var report: AnalysisReport

    public init(_ report: AnalysisReport) {
        self.report = report
    }

    public func layers() throws(GeometryError) -> [FeatureLayer] {
        let maps = MapLayers(), district = report.district, space = report.space
        var layers: [FeatureLayer] = []
        layers.append(try maps.layer("streets", title: "Streets", table: report.streetsTable, features: district.streets,
                                     styles: [MapStyles.pedestrianShare("pedestrian_share_pct", thresholds: space.thresholds, kind: .line)],
                                     emptyType: .multiLineString))
        layers.append(streetSpace())
        if !space.junctions.isEmpty { layers.append(try junctions()) }
        layers.append(try maps.layer("buildings", title: "Buildings", table: buildingsTable, features: district.buildings,
                                     styles: [MapStyles.lden("lden_dba", kind: .fill), MapStyles.greenAccess], emptyType: .multiPolygon))
        if !district.greens.isEmpty {
            var rows: [FeatureLayer.Feature] = []
            for green in district.greens {
                rows.append(.init(wkb: try maps.wkb(green), values: [.text(green.id), MapLayers.text(green.attributes.string("name")),
                                                                     MapLayers.number(try maps.area(green))]))
            }
            layers.append(FeatureLayer(name: "green", title: "Green spaces", columns: [.init("id", .text), .init("name", .text), .init("area_m2", .real)],
                                       features: rows, styles: [MapStyles.single("green space", colour: 0x66BD63, kind: .fill)]))
        }
        // Lots and cells: the analysers keep the district's order, so row i is feature i.
        if !report.lots.isEmpty {
            layers.append(try maps.layer("lots", title: "Vacant lots", table: LotsTable(report.lots).csv, features: district.vacantLots,
                                         styles: [MapStyles.single("vacant lot", colour: 0xB8860B, kind: .fill)]))
        }
        if !space.cells.isEmpty {
            layers.append(try maps.layer("cells", title: "Superblock cells", table: SpaceAllocationTables(space).cells, features: district.cells,
                                         styles: [MapStyles.pedestrianShare("pedestrian_share_pct", thresholds: space.thresholds, kind: .fill)]))
        }
        if let receivers = facadeReceivers() { layers.append(receivers) }
        if let grid = report.noiseGrid, !grid.bands.isEmpty { layers.append(Self.noiseBands(grid)) }
        return layers
    }

    /// The file for the output set.
    public func file() throws(OutputError) -> OutputFile {
        let layers: [FeatureLayer]
        do { layers = try self.layers() } catch { throw OutputError(path: Self.fileName, message: error.description) }
        return try MapLayers.file(Self.fileName, layers: layers, crs: report.district.crs)
    }

    var buildingsTable: CSVTable {
        BuildingsTable(district: report.district, population: report.population, noise: report.noise, green: report.green,
                       health: report.health).csv
    }

    /// One polygon per resolved piece of street space; junction pieces carry `junction_id`.
    func streetSpace() -> FeatureLayer {
        let space = report.space
        let rows = space.pieces.map { piece -> FeatureLayer.Feature in
            var street: SQLValue = .null, junction: SQLValue = .null
            switch piece.owner {
            case .street(let index): street = MapLayers.text(index < space.streets.count ? space.streets[index].id : nil)
            case .junction(let index): junction = MapLayers.text(index < space.junctions.count ? space.junctions[index].id : nil)
            }
            return .init(wkb: piece.wkb, values: [street, junction, .text(piece.category.rawValue), MapLayers.number(piece.area)])
        }
        return FeatureLayer(name: "street_space", title: "Street space",
                            columns: [.init("street_id", .text), .init("junction_id", .text), .init("category", .text), .init("area_m2", .real)],
                            features: rows, geometryType: .multiPolygon, styles: [MapStyles.streetSpace])
    }

    /// One polygon per junction (its pieces dissolved), with the columns of `junctions.csv`.
    func junctions() throws(GeometryError) -> FeatureLayer {
        let space = report.space
        var pieces = [[SpacePiece]](repeating: [], count: space.junctions.count)
        for piece in space.pieces {
            if case .junction(let index) = piece.owner, index < pieces.count { pieces[index].append(piece) }
        }
        let table = SpaceAllocationTables(space).junctions
        let context = GeometryContext()
        var rows: [FeatureLayer.Feature] = []
        for (index, row) in table.rows.enumerated() where !pieces[index].isEmpty {
            let known = space.junctions[index].wkb
            let shape = known.isEmpty
                ? try Geometry.robustUnion(of: try pieces[index].map { piece throws(GeometryError) in try Geometry.fromWKB(piece.wkb, in: context) },
                                           in: context)
                : try Geometry.fromWKB(known, in: context)
            let values = zip(table.header, row).map { name, cell -> SQLValue in
                name == "id" || name == "streets" ? .text(cell) : MapLayers.number(Double(cell))
            }
            rows.append(.init(wkb: try shape.wkb(), values: values))
        }
        let columns = table.header.map { name in FeatureLayer.Column(name, name == "id" || name == "streets" ? .text : .real) }
        return FeatureLayer(name: "junctions", title: "Junctions", columns: columns, features: rows, geometryType: .multiPolygon,
                            styles: [MapStyles.single("junction", colour: 0x9E9E9E, kind: .fill)])
    }

    /// Each building's most exposed facade receiver, where its levels were taken.
    func facadeReceivers() -> FeatureLayer? {
        guard let noise = report.noise else { return nil }
        let rows = noise.buildings.compactMap { building -> FeatureLayer.Feature? in
            guard let levels = building.levels, let point = building.receiver else { return nil }
            return .init(wkb: Self.pointWKB(point.x, point.y),
                         values: [.text(building.id)] + [levels.day, levels.evening, levels.night, levels.lden, levels.lnight].map(Self.level))
        }
        guard !rows.isEmpty else { return nil }
        return FeatureLayer(name: "receivers", title: "Facade receivers", columns: [.init("building_id", .text)] + Self.levelColumns,
                            features: rows, geometryType: .point, styles: [MapStyles.lden("lden_dba", kind: .marker)])
    }

    static let levelColumns: [FeatureLayer.Column] = ["ld_dba", "le_dba", "ln_dba", "lden_dba", "lnight_dba"].map { .init($0, .real) }

    /// A level to one decimal, as in the CSV tables; no level (no source within reach) is NULL.
    static func level(_ value: Double) -> SQLValue {
        value.isFinite ? .real((value * 10).rounded() / 10) : .null
    }

    static func noiseBands(_ grid: NoiseGrid) -> FeatureLayer {
        let rows = grid.bands.map { band -> FeatureLayer.Feature in
            .init(wkb: band.wkb, values: [.text(band.name), MapLayers.number(band.lower), MapLayers.number(band.upper),
                                          .integer(Int64(band.pointCount)), MapLayers.number(band.area)])
        }
        return FeatureLayer(name: "noise_bands", title: "Noise map, Lden bands",
                            description: "Lden at 4 m on a \(NumberFormat.fixed(grid.spacing, 0)) m grid: each point's square cell, merged per band, less the buildings",
                            columns: [.init("band", .text), .init("lden_min_dba", .real), .init("lden_max_dba", .real),
                                      .init("grid_points", .integer), .init("area_m2", .real)],
                            features: rows, geometryType: .multiPolygon, styles: [MapStyles.noiseBands])
    }

    /// Little-endian ISO WKB of a point.
    static func pointWKB(_ x: Double, _ y: Double) -> [UInt8] {
        [1, 1, 0, 0, 0] + withUnsafeBytes(of: x.bitPattern.littleEndian, Array.init) + withUnsafeBytes(of: y.bitPattern.littleEndian, Array.init)
    }
}
