/// One feature table of a GeoPackage: its attribute columns, its features (ISO WKB and one value
/// per column) and the QGIS styles stored with it.
public struct FeatureLayer: Sendable {
    public enum ColumnType: String, Sendable {
        case real = "REAL"
        case integer = "INTEGER"
        case text = "TEXT"
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var type: ColumnType

        public init(_ name: String, _ type: ColumnType) {
            self.name = name
            self.type = type
        }
    }

    public struct Feature: Sendable {
        /// ISO WKB in the GeoPackage's CRS; nil for a feature without geometry.
        public var wkb: [UInt8]?
        /// One value per column, in column order.
        public var values: [SQLValue]

        public init(wkb: [UInt8]?, values: [SQLValue]) {
            self.wkb = wkb
            self.values = values
        }
    }

    /// The table name: lower-case letters, digits and `_`, starting with a letter.
    public var name: String
    /// A human-readable title (`gpkg_contents.identifier`), the table name when empty.
    public var title: String
    public var description: String
    public var columns: [Column]
    public var features: [Feature]
    /// The column's geometry type; nil: the narrowest type fitting every feature
    /// (`GeometryTypeName.fitting`), `emptyType` for a layer without features.
    public var geometryType: GeometryTypeName?
    public var emptyType: GeometryTypeName
    public var styles: [LayerStyle]

    /// The primary key and geometry column of every table we write, as GDAL names them.
    public static let idColumn = "fid"
    public static let geometryColumn = "geom"

    public init(name: String, title: String = "", description: String = "", columns: [Column], features: [Feature] = [],
                geometryType: GeometryTypeName? = nil, emptyType: GeometryTypeName = .geometry, styles: [LayerStyle] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.columns = columns
        self.features = features
        self.geometryType = geometryType
        self.emptyType = emptyType
        self.styles = styles
    }
}

/// A QGIS style of a layer (a row of QGIS's `layer_styles` table): QGIS applies the one marked
/// default when the layer is opened.
public struct LayerStyle: Sendable, Equatable {
    public var name: String
    /// The style as QGIS's QML document (what QGIS reads).
    public var qml: String
    /// The style as OGC SLD, when there is one (QGIS does not need it to apply the style).
    public var sld: String
    public var isDefault: Bool
    public var description: String

    public init(name: String, qml: String, sld: String = "", isDefault: Bool, description: String = "") {
        self.name = name
        self.qml = qml
        self.sld = sld
        self.isDefault = isDefault
        self.description = description
    }
}
