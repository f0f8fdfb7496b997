/// The SQL of the tables GeoPackage 1.3 requires (Annex C, table definition SQL), of the R-tree
/// spatial index extension (Annex F.3) and of QGIS's `layer_styles` table.
enum GeoPackageSchema {
    /// "GPKG" as a 32-bit integer (requirement 2) and 1.3.0 as `user_version` (requirement 2a).
    static let applicationID: Int32 = 0x4750_4B47
    static let userVersion = 10300

    static let core = """
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE gpkg_extensions (
          table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
          CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        """

    /// QGIS's own schema for styles stored in a GeoPackage (QgsOgrProvider), which it reads when
    /// a layer opens.
    static let layerStyles = """
        CREATE TABLE layer_styles (
          id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),
          f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN,
          description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT CURRENT_TIMESTAMP);
        """

    static let rtreeExtension = "gpkg_rtree_index"
    static let rtreeDefinition = "http://www.geopackage.org/spec120/#extension_rtree"

    static func quoted(_ identifier: String) -> String { "\"" + identifier.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" }

    static func featureTable(_ layer: FeatureLayer, type: GeometryTypeName) -> String {
        let columns = ["\(quoted(FeatureLayer.idColumn)) INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
                       "\(quoted(FeatureLayer.geometryColumn)) \(type.rawValue)"]
            + layer.columns.map { "\(quoted($0.name)) \($0.type.rawValue)" }
        return "CREATE TABLE \(quoted(layer.name)) (\(columns.joined(separator: ", ")))"
    }

    static func rtreeName(_ table: String) -> String { "rtree_\(table)_\(FeatureLayer.geometryColumn)" }

    static func rtreeTable(_ table: String) -> String {
        "CREATE VIRTUAL TABLE \(quoted(rtreeName(table))) USING rtree(id, minx, maxx, miny, maxy)"
    }

    /// The triggers that keep the index in step with later edits (Annex F.3, GeoPackage 1.3). They
    /// call ST_* functions that GDAL and QGIS provide; our own inserts run before they exist.
    static func rtreeTriggers(_ table: String) -> String {
        let t = quoted(table), r = quoted(rtreeName(table)), c = quoted(FeatureLayer.geometryColumn), i = quoted(FeatureLayer.idColumn)
        let name = { (suffix: String) in quoted("\(rtreeName(table))_\(suffix)") }
        let values = "NEW.\(i), ST_MinX(NEW.\(c)), ST_MaxX(NEW.\(c)), ST_MinY(NEW.\(c)), ST_MaxY(NEW.\(c))"
        return """
            CREATE TRIGGER \(name("insert")) AFTER INSERT ON \(t) WHEN (new.\(c) NOT NULL AND NOT ST_IsEmpty(NEW.\(c)))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(name("update1")) AFTER UPDATE OF \(c) ON \(t)
            WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c)))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(name("update2")) AFTER UPDATE OF \(c) ON \(t)
            WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c)))
            BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); END;
            CREATE TRIGGER \(name("update3")) AFTER UPDATE ON \(t)
            WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c)))
            BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(name("update4")) AFTER UPDATE ON \(t)
            WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c)))
            BEGIN DELETE FROM \(r) WHERE id IN (OLD.\(i), NEW.\(i)); END;
            CREATE TRIGGER \(name("delete")) AFTER DELETE ON \(t) WHEN old.\(c) NOT NULL
            BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); END;
            """
    }
}
