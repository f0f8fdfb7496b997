import DistrictModel
import GeoPackage
import GeometryEngine
import Indicators

/// `compare.gpkg`: what changed between the layouts, on the after layout's geometry (the before
/// one for streets found only before): per street the street space that moved and the change in
/// pedestrian share and emission, per building the change in Lden and Lnight, per cell the
/// change in pedestrian share and the space that moved. Names documented in the README.
public struct ComparisonGeoPackage: Sendable {
    public static let fileName = "compare.gpkg"

    public var comparison: LayoutComparison
    /// Each street's role in the cells (interior, perimeter, other), when `compare` measured traffic.
    public var traffic: TrafficComparison?

    public init(_ comparison: LayoutComparison, traffic: TrafficComparison? = nil) {
        self.comparison = comparison
        self.traffic = traffic
    }

    public func layers() throws(GeometryError) -> [FeatureLayer] {
        let maps = MapLayers()
        var layers = [try streets(maps), try buildings(maps)]
        if let cells = try cells(maps) { layers.append(cells) }
        return layers
    }

    public func file() throws(OutputError) -> OutputFile {
        let layers: [FeatureLayer]
        do { layers = try self.layers() } catch { throw OutputError(path: Self.fileName, message: error.description) }
        return try MapLayers.file(Self.fileName, layers: layers, crs: comparison.after.district.crs)
    }

    /// Columns of before, after and change of one quantity.
    static func triple(_ name: String, _ unit: String) -> [FeatureLayer.Column] {
        [.init("\(name)_before_\(unit)", .real), .init("\(name)_after_\(unit)", .real), .init("\(name)_change_\(unit)", .real)]
    }

    static func triple(_ before: Double?, _ after: Double?) -> [SQLValue] {
        let change = before.flatMap { x in after.map { $0 - x } }
        return [MapLayers.number(before), MapLayers.number(after), MapLayers.number(change)]
    }

    static func moved(_ transfers: SpaceTransfers?) -> [SQLValue] {
        guard let transfers else { return [.null, .null, .null] }
        return [transfers.total(from: SpaceTransfers.vehicle, to: SpaceTransfers.people), transfers.total(from: SpaceTransfers.vehicle, to: [.green]),
                transfers.total(from: SpaceTransfers.people, to: SpaceTransfers.vehicle)].map(MapLayers.number)
    }

    static let movedColumns: [FeatureLayer.Column] = ["moved_vehicle_to_people_m2", "moved_vehicle_to_green_m2", "moved_people_to_vehicle_m2"]
        .map { .init($0, .real) }

    func streets(_ maps: MapLayers) throws(GeometryError) -> FeatureLayer {
        let before = comparison.before, after = comparison.after
        let moved = comparison.ownerTransfers
        let tables = ComparisonTables(comparison)
        var rows: [FeatureLayer.Feature] = []
        for (position, match) in comparison.matches.enumerated() {
            let old = match.before.map { (before.space.streets[$0], before.noise.streets[$0]) }
            let new = match.after.map { (after.space.streets[$0], after.noise.streets[$0]) }
            let feature = match.after.map { after.district.streets[$0] } ?? match.before.map { before.district.streets[$0] }
            guard let feature else { continue }
            var values: [SQLValue] = [.text(tables.streetID(match)), MapLayers.text(match.before.map { before.district.streets[$0].id }),
                                      MapLayers.text(match.after.map { after.district.streets[$0].id }), .text(match.method.rawValue)]
            values += Self.triple(old?.0.areas.pedestrianSharePercent, new?.0.areas.pedestrianSharePercent)
            values += Self.triple(old?.0.areas.vehicle, new?.0.areas.vehicle)
            values += Self.triple(old?.0.areas.people, new?.0.areas.people)
            values += Self.moved(match.after.map { moved[.street($0)] ?? SpaceTransfers() })
            values += Self.triple(old?.1.lwA(.day), new?.1.lwA(.day))
            values += [MapLayers.text(traffic.map { $0.streets[position].role.rawValue })]
            values += Self.flows(old?.1.vehiclesPerDay, new?.1.vehiclesPerDay)
            rows.append(.init(wkb: try maps.wkb(feature), values: values))
        }
        let columns: [FeatureLayer.Column] = [.init("id", .text), .init("before_id", .text), .init("after_id", .text), .init("match", .text)]
            + Self.triple("pedestrian_share", "pct") + Self.triple("vehicle", "m2") + Self.triple("people", "m2") + Self.movedColumns
            + Self.triple("lw_day", "dba_per_m") + [.init("role", .text)] + Self.flowColumns
        var traffic = MapStyles.change("vehicles_day_change_pct", label: "change in traffic", unit: "%", step: 5, large: 50,
                                       betterWhenLower: true, kind: .line)
        traffic.isDefault = false
        return FeatureLayer(name: "streets", title: "Streets, before and after", columns: columns, features: rows,
                            styles: [MapStyles.change("pedestrian_share_change_pct", label: "change in pedestrian share", unit: "points",
                                                      step: 1, large: 10, betterWhenLower: false, kind: .line), traffic])
    }

    /// Vehicles a day before and after (as in the compare's `streets.csv`), the change and the change
    /// in per cent of before (NULL when before carried none: a percentage of nothing says nothing).
    static let flowColumns: [FeatureLayer.Column] = ["vehicles_day_before", "vehicles_day_after", "vehicles_day_change", "vehicles_day_change_pct"]
        .map { .init($0, .real) }

    static func flows(_ before: Double?, _ after: Double?) -> [SQLValue] {
        // Whole vehicles, as in streets.csv; the change of the rounded flows, so the columns agree.
        let before = before?.rounded(), after = after?.rounded()
        let change = before.flatMap { x in after.map { $0 - x } }
        let percent = before.flatMap { x in x > 0 ? after.map { (($0 - x) / x * 1000).rounded() / 10 } : nil }
        return [before, after, change, percent].map(MapLayers.number)
    }

    /// Buildings of the after layout paired with the before layout's by id.
    func buildings(_ maps: MapLayers) throws(GeometryError) -> FeatureLayer {
        let before = comparison.before, after = comparison.after
        var earlier: [String: BuildingNoise] = [:]
        for building in before.noise.buildings where earlier[building.id] == nil { earlier[building.id] = building }
        var rows: [FeatureLayer.Feature] = []
        for (index, feature) in after.district.buildings.enumerated() {
            let new = index < after.noise.buildings.count ? after.noise.buildings[index] : nil
            let old = earlier[feature.id]
            var values: [SQLValue] = [.text(feature.id), MapLayers.number(new?.population)]
            values += Self.triple(old?.levels?.lden, new?.levels?.lden) + Self.triple(old?.levels?.lnight, new?.levels?.lnight)
            rows.append(.init(wkb: try maps.wkb(feature), values: values.map(Self.roundedLevel)))
        }
        return FeatureLayer(name: "buildings", title: "Buildings, before and after",
                            columns: [.init("id", .text), .init("population", .real)] + Self.triple("lden", "dba") + Self.triple("lnight", "dba"),
                            features: rows, emptyType: .multiPolygon,
                            styles: [MapStyles.change("lden_change_dba", label: "change in Lden", unit: "dB", step: 1, large: 3,
                                                      betterWhenLower: true, kind: .fill)])
    }

    /// Levels to 0.1 dB, as in the CSV tables (other numbers pass unchanged).
    static func roundedLevel(_ value: SQLValue) -> SQLValue {
        if case .real(let number) = value { return .real((number * 10).rounded() / 10) }
        return value
    }

    func cells(_ maps: MapLayers) throws(GeometryError) -> FeatureLayer? {
        let before = comparison.before, after = comparison.after
        guard !after.space.cells.isEmpty else { return nil }
        var rows: [FeatureLayer.Feature] = []
        for (cell, feature) in zip(after.space.cells, after.district.cells) {
            let old = before.space.cells.first { $0.id == cell.id }
            let values: [SQLValue] = [.text(cell.id), MapLayers.text(cell.name)]
                + Self.triple(old?.areas.pedestrianSharePercent, cell.areas.pedestrianSharePercent)
                + Self.moved(comparison.cellTransfers[cell.id] ?? SpaceTransfers())
            rows.append(.init(wkb: try maps.wkb(feature), values: values))
        }
        return FeatureLayer(name: "cells", title: "Superblock cells, before and after",
                            columns: [.init("id", .text), .init("name", .text)] + Self.triple("pedestrian_share", "pct") + Self.movedColumns,
                            features: rows, styles: [MapStyles.change("pedestrian_share_change_pct", label: "change in pedestrian share",
                                                                      unit: "points", step: 1, large: 10, betterWhenLower: false, kind: .fill)])
    }
}
