/// Writes feature layers as an OGC GeoPackage 1.3 file (OGC 12-128r18): the required tables, one
/// feature table per layer with its R-tree spatial index, and QGIS styles in `layer_styles`.
///
/// Everything is written in one transaction into a file that must not exist yet; callers stage it
/// and rename it into place (`OutputFile.writer`), so a reader never sees half a GeoPackage.
public struct GeoPackageWriter: Sendable {
    /// The CRS of every layer.
    public var crs: SpatialReference
    /// WGS 84 (EPSG:4326), a row every GeoPackage holds (requirement 11), with its WKT.
    public var wgs84: SpatialReference

    public init(crs: SpatialReference, wgs84: SpatialReference) {
        self.crs = crs
        self.wgs84 = wgs84
    }

    public func write(_ layers: [FeatureLayer], to path: String) throws(GeoPackageError) {
        let prepared = try layers.map { layer throws(GeoPackageError) in try PreparedLayer(layer, srsID: crs.srsID, path: path) }
        var names = Set<String>()
        for layer in layers where !names.insert(layer.name).inserted {
            throw GeoPackageError(path: path, attempt: "write layer \"\(layer.name)\"", message: "two layers share the name")
        }
        let database = try SQLiteConnection(path: path, create: true)
        try database.execute("PRAGMA application_id = \(GeoPackageSchema.applicationID); PRAGMA user_version = \(GeoPackageSchema.userVersion)")
        try database.transaction { () throws(GeoPackageError) in
            try database.execute(GeoPackageSchema.core)
            var systems = [SpatialReference.undefinedCartesian, SpatialReference.undefinedGeographic, wgs84]
            if !systems.contains(where: { $0.srsID == crs.srsID }) { systems.append(crs) }
            try database.run("INSERT INTO gpkg_spatial_ref_sys VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             rows: systems.map { [.text($0.name), .integer(Int64($0.srsID)), .text($0.organization),
                                                  .integer(Int64($0.organizationCode)), .text($0.definition), .text($0.description)] },
                             attempt: { "register CRS \(systems[$0].organization):\(systems[$0].organizationCode)" })
            for layer in prepared { try write(layer, to: database) }
            let styled = prepared.filter { !$0.layer.styles.isEmpty }
            if !styled.isEmpty {
                try database.execute(GeoPackageSchema.layerStyles)
                let rows: [[SQLValue]] = styled.flatMap { layer in
                    layer.layer.styles.map { style in
                        [.text(""), .text(""), .text(layer.layer.name), .text(FeatureLayer.geometryColumn), .text(style.name),
                         .text(style.qml), .text(style.sld), .integer(style.isDefault ? 1 : 0), .text(style.description), .text(""), .null]
                    }
                }
                try database.run("""
                    INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML,
                      styleSLD, useAsDefault, description, owner, ui) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    """, rows: rows, attempt: { "store style \($0 + 1)" })
            }
        }
    }

    private func write(_ prepared: PreparedLayer, to database: SQLiteConnection) throws(GeoPackageError) {
        let layer = prepared.layer, name = layer.name, quoted = GeoPackageSchema.quoted
        try database.execute(GeoPackageSchema.featureTable(layer, type: prepared.type))
        let columns = [FeatureLayer.idColumn, FeatureLayer.geometryColumn] + layer.columns.map(\.name)
        let placeholders = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
        let rows: [[SQLValue]] = layer.features.enumerated().map { index, feature in
            [.integer(Int64(index + 1)), prepared.blobs[index].map(SQLValue.blob) ?? .null] + feature.values
        }
        try database.run("INSERT INTO \(quoted(name)) (\(columns.map(quoted).joined(separator: ", "))) VALUES (\(placeholders))",
                         rows: rows, attempt: { "insert feature \($0) of layer \"\(name)\"" })
        let extent = prepared.extent
        try database.run("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) "
                         + "VALUES (?1, 'features', ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         rows: [[.text(name), .text(layer.title.isEmpty ? name : layer.title), .text(layer.description),
                                 extent.map { .real($0.minX) } ?? .null, extent.map { .real($0.minY) } ?? .null,
                                 extent.map { .real($0.maxX) } ?? .null, extent.map { .real($0.maxY) } ?? .null, .integer(Int64(crs.srsID))]],
                         attempt: { _ in "register layer \"\(name)\"" })
        try database.run("INSERT INTO gpkg_geometry_columns VALUES (?1, ?2, ?3, ?4, 0, 0)",
                         rows: [[.text(name), .text(FeatureLayer.geometryColumn), .text(prepared.type.rawValue), .integer(Int64(crs.srsID))]],
                         attempt: { _ in "register the geometry column of \"\(name)\"" })
        try database.execute(GeoPackageSchema.rtreeTable(name))
        let entries: [[SQLValue]] = prepared.envelopes.enumerated().compactMap { index, box in
            box.map { [.integer(Int64(index + 1)), .real($0.minX), .real($0.maxX), .real($0.minY), .real($0.maxY)] }
        }
        try database.run("INSERT INTO \(quoted(GeoPackageSchema.rtreeName(name))) VALUES (?1, ?2, ?3, ?4, ?5)", rows: entries,
                         attempt: { "index feature \($0) of layer \"\(name)\"" })
        try database.execute(GeoPackageSchema.rtreeTriggers(name))
        try database.run("INSERT INTO gpkg_extensions VALUES (?1, ?2, ?3, ?4, 'write-only')",
                         rows: [[.text(name), .text(FeatureLayer.geometryColumn), .text(GeoPackageSchema.rtreeExtension),
                                 .text(GeoPackageSchema.rtreeDefinition)]],
                         attempt: { _ in "register the spatial index of \"\(name)\"" })
    }

    /// A layer checked and encoded before the file is touched: its column type, each feature's
    /// blob and envelope, and the extent.
    private struct PreparedLayer {
        var layer: FeatureLayer
        var type: GeometryTypeName
        var blobs: [[UInt8]?]
        var envelopes: [BoundingBox?]
        var extent: BoundingBox?

        init(_ layer: FeatureLayer, srsID: Int32, path: String) throws(GeoPackageError) {
            let attempt = { (index: Int) in "write feature \(index) of layer \"\(layer.name)\"" }
            guard layer.name.first?.isLetter == true, layer.name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                throw GeoPackageError(path: path, attempt: "write layer \"\(layer.name)\"", message: "a layer name is lower-case letters, digits and _")
            }
            var seen: Set<String> = [FeatureLayer.idColumn, FeatureLayer.geometryColumn]
            for column in layer.columns where !seen.insert(column.name.lowercased()).inserted {
                throw GeoPackageError(path: path, attempt: "write layer \"\(layer.name)\"", message: "column \"\(column.name)\" is given twice or reserved")
            }
            var summaries: [WKBSummary?] = []
            for (index, feature) in layer.features.enumerated() {
                guard feature.values.count == layer.columns.count else {
                    throw GeoPackageError(path: path, attempt: attempt(index),
                                          message: "\(feature.values.count) values for \(layer.columns.count) columns")
                }
                guard let wkb = feature.wkb else { summaries.append(nil); continue }
                do { summaries.append(try WKBSummary(wkb)) } catch { throw GeoPackageError(path: path, attempt: attempt(index), message: error.description) }
            }
            let type = layer.geometryType ?? GeometryTypeName.fitting(summaries.compactMap { $0?.type }, fallback: layer.emptyType)
            var blobs: [[UInt8]?] = []
            for (index, feature) in layer.features.enumerated() {
                guard let wkb = feature.wkb, let summary = summaries[index] else { blobs.append(nil); continue }
                guard type == .geometry || summary.type == type || summary.type.multi == type else {
                    throw GeoPackageError(path: path, attempt: attempt(index), message: "a \(summary.type.rawValue) in a \(type.rawValue) layer")
                }
                let promoted: [UInt8]
                do { promoted = try WKBSummary.promoted(wkb, to: type) } catch { throw GeoPackageError(path: path, attempt: attempt(index), message: error.description) }
                blobs.append(GeoPackageBinary.encode(wkb: promoted, srsID: srsID, envelope: summary.envelope))
            }
            self.layer = layer
            self.type = type
            self.blobs = blobs
            envelopes = summaries.map { $0?.envelope }
            extent = envelopes.compactMap { $0 }.reduce(nil) { $0?.union($1) ?? $1 }
        }
    }
}
