import DistrictModel
import GeometryEngine
import Indicators

/// The maps of what changed between two layouts: street by street (people's space, pedestrian
/// share) on the after layout's centrelines, building by building (Lden). Streets are paired as
/// in `compare.csv` (`LayoutComparison.matches`); a street on one side only is drawn in its own
/// colour, never as a change.
struct ChangeMaps {
    var comparison: LayoutComparison

    static let onlyOneSide = "#7b3294"
    /// Not assessed on one side: white, apart from the grey of "no change".
    static let notAssessed = "#ffffff"

    /// A value per street before and after, drawn on the after centreline (the before one for
    /// streets that are gone), one path per street (`data-street`).
    private func streetFigure(id: String, title: String, unit: String, digits: Int, bins: [MapPalette.ChangeBin], legendUnit: String? = nil,
                              caption: String, missing: String = "no street space on one side",
                              change: (Double, Double) -> Double? = { $1 - $0 },
                              value: (LayoutAnalysis, Int) -> Double?, frame: MapFrame) -> MapFigure {
        let before = comparison.before, after = comparison.after
        var streets: [String] = []
        for match in comparison.matches {
            guard let feature = match.after.map({ after.district.streets[$0] }) ?? match.before.map({ before.district.streets[$0] }) else { continue }
            let id = match.after.map { after.space.streets[$0].id } ?? match.before.map { before.space.streets[$0].id } ?? feature.id
            let colour: String, label: String
            if let old = match.before, let new = match.after {
                if let a = value(before, old), let b = value(after, new), let moved = change(a, b) {
                    colour = MapPalette.change(moved, in: bins)
                    label = "\(id): \(NumberFormat.fixed(a, digits)) -> \(NumberFormat.fixed(b, digits)) \(unit)"
                } else {
                    colour = Self.notAssessed
                    label = "\(id): \(missing)"
                }
            } else {
                colour = Self.onlyOneSide
                label = "\(id): only in the \(match.after == nil ? "before" : "after") layout"
            }
            let isArea = feature.geometry.family == .polygon
            if let element = MapFigure.path(MapShapes.path(of: feature.geometry, in: frame), fill: isArea ? colour : nil, stroke: colour,
                                            data: [("street", id)], title: label) {
                streets.append(element)
            }
        }
        var figure = MapFigure(id: id, title: title, frame: frame, legend: Self.legend(bins, unit: legendUnit ?? unit, digits: digits, line: true),
                               caption: caption)
        figure.legend.add(.line(Self.onlyOneSide), "street in one layout only")
        figure.layers.append(ContextLayers.buildings(after.district, in: frame))
        figure.addLayer("streets", attributes: "fill=\"none\" stroke-width=\"2.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"", streets)
        let cells = ContextLayers.cellOutlines(after.district, in: frame)
        if !cells.isEmpty {
            figure.layers.append(cells)
            figure.legend.add(.dashedLine(ContextLayers.cellOutline), "superblock cell")
        }
        return figure
    }

    /// The box around what changed (streets whose people's space, pedestrian share or traffic changed
    /// beyond the neutral bin, streets on one side only, buildings whose Lden moved by 1 dB or more) and
    /// 100 m around it: the change maps zoom there. Nil when nothing changed.
    var focus: Envelope? {
        let before = comparison.before, after = comparison.after
        var box: Envelope?
        func include(_ feature: DistrictFeature) {
            guard let envelope = feature.geometry.envelope else { return }
            box = box?.union(envelope) ?? envelope
        }
        for match in comparison.matches {
            let old = match.before.map { before.space.streets[$0] }, new = match.after.map { after.space.streets[$0] }
            guard let feature = match.after.map({ after.district.streets[$0] }) ?? match.before.map({ before.district.streets[$0] }) else { continue }
            guard let old, let new else { include(feature); continue }
            let share = (new.areas.pedestrianSharePercent ?? 0) - (old.areas.pedestrianSharePercent ?? 0)
            let flows = (match.before.flatMap { before.noise.streets[$0].vehiclesPerDay }, match.after.flatMap { after.noise.streets[$0].vehiclesPerDay })
            let trafficMoved = flows.0.flatMap { x in flows.1.map { abs($0 - x) >= 0.05 * x } } ?? false
            if abs(new.areas.people - old.areas.people) >= 5 || abs(share) >= 1 || trafficMoved { include(feature) }
        }
        let levels = Dictionary(before.noise.buildings.map { ($0.id, $0.levels?.lden) }, uniquingKeysWith: { first, _ in first })
        for (index, building) in after.district.buildings.enumerated() where index < after.noise.buildings.count {
            if let new = after.noise.buildings[index].levels?.lden, let old = levels[building.id] ?? nil, new.isFinite, old.isFinite,
               abs(new - old) >= 1 {
                include(building)
            }
        }
        return box?.expanded(by: 100)
    }

    /// Change in people's space (pedestrian + shared m2) per street.
    func peopleSpace(in frame: MapFrame) -> MapFigure {
        streetFigure(
            id: "map-change-people-space", title: "Change in space for people per street (pedestrian + shared m2)", unit: "m2", digits: 0,
            bins: MapPalette.changeBins(small: 5, large: 200, betterWhenNegative: false),
            caption: "After minus before, per street paired by id (or geometry). The square metres that changed category are in "
                + "transfers.csv; a street that lost space to a junction or a neighbour shows a loss here.",
            value: { layout, index in layout.space.streets[index].areas.people }, frame: frame)
    }

    /// Change in pedestrian share per street, percentage points.
    func pedestrianShare(in frame: MapFrame) -> MapFigure {
        streetFigure(
            id: "map-change-pedestrian-share", title: "Change in pedestrian share per street", unit: "points", digits: 1,
            bins: MapPalette.changeBins(small: 1, large: 15, betterWhenNegative: false),
            caption: "After minus before, percentage points of the street's own space that is pedestrian or shared.",
            value: { layout, index in layout.space.streets[index].areas.pedestrianSharePercent }, frame: frame)
    }

    /// Change in daily traffic per street, in per cent of the flow before: a plan's interior loses
    /// most of its traffic, and the perimeter's few per cent are its cost. Streets with no motor
    /// traffic on one side (footways, pedestrianised streets) have no percentage.
    func traffic(in frame: MapFrame) -> MapFigure {
        streetFigure(
            id: "map-change-traffic", title: "Change in traffic per street (vehicles a day)", unit: "vehicles a day", digits: 0,
            bins: MapPalette.changeBins(small: 5, large: 50, betterWhenNegative: true), legendUnit: "% of before",
            caption: "After minus before, in per cent of the daily flow before: the flows each layout's noise model used (counts, "
                + "the traffic model or class defaults, as streets.csv of the comparison says). Rerouted traffic shows on the perimeter.",
            missing: "no motor traffic on one side", change: { before, after in before > 0 ? (after - before) / before * 100 : nil },
            value: { layout, index in layout.noise.streets[index].vehiclesPerDay }, frame: frame)
    }

    /// Change in Lden per building (buildings paired by id; both layouts usually share them).
    func lden(in frame: MapFrame) -> MapFigure {
        let bins = MapPalette.changeBins(small: 1, large: 3, betterWhenNegative: true)
        let before = Dictionary(comparison.before.noise.buildings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = comparison.after
        var buildings: [String] = []
        for (index, building) in after.district.buildings.enumerated() {
            let new = index < after.noise.buildings.count ? after.noise.buildings[index].levels?.lden : nil
            let old = before[building.id]?.levels?.lden
            let colour: String, label: String
            if let old, let new, old.isFinite, new.isFinite {
                colour = MapPalette.change(new - old, in: bins)
                label = "\(building.id): Lden \(NumberFormat.fixed(old, 1)) -> \(NumberFormat.fixed(new, 1)) dB"
            } else {
                colour = Self.notAssessed
                label = "\(building.id): no level on one side"
            }
            if let element = MapFigure.path(MapShapes.path(of: building.geometry, in: frame), fill: colour,
                                            data: [("building", building.id)], title: label) {
                buildings.append(element)
            }
        }
        var figure = MapFigure(
            id: "map-change-lden", title: "Change in Lden per building", frame: frame, legend: Self.legend(bins, unit: "dB", digits: 0, line: false),
            caption: "After minus before at each building's most exposed facade. 3 dB is a halving (or doubling) of the traffic "
                + "energy; about 1 dB is the smallest change a listener notices in a direct comparison.")
        figure.legend.add(.fill(Self.notAssessed), "no level on one side")
        figure.layers.append(ContextLayers.streets(after.district, in: frame))
        figure.addLayer("buildings", attributes: "stroke=\"#555\" stroke-width=\"0.3\"", buildings)
        return figure
    }

    static func legend(_ bins: [MapPalette.ChangeBin], unit: String, digits: Int, line: Bool) -> MapLegend {
        var legend = MapLegend(title: "after - before, \(unit)")
        for bin in bins {
            let text: String
            switch (bin.lower, bin.upper) {
            case (nil, let upper?): text = "below \(signed(upper, digits))"
            case (let lower?, nil): text = "\(signed(lower, digits)) and more"
            case (let lower?, let upper?) where lower < 0 && upper > 0: text = "no change (\(signed(lower, digits)) to \(signed(upper, digits)))"
            case (let lower?, let upper?): text = "\(signed(lower, digits)) to \(signed(upper, digits))"
            case (nil, nil): text = "any"
            }
            legend.add(line ? .line(bin.colour) : .fill(bin.colour), text)
        }
        return legend
    }

    static func signed(_ value: Double, _ digits: Int) -> String {
        (value > 0 ? "+" : "") + NumberFormat.fixed(value, digits)
    }
}
