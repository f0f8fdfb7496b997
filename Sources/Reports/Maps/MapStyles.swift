import DistrictModel
import GeoPackage
import Indicators

/// The default styles of our GeoPackage layers, so QGIS draws a meaningful map when a layer opens.
enum MapStyles {
    static let notAssessed = QMLStyle.Colour(0xBDBDBD)

    /// Lden in the END reporting bands (NoiseGrid.bandEdges), in the noise-map colours of
    /// ISO 1996-2 / DIN 18005-2 as NoiseModelling's noise map colour scheme gives them (55-60 dB
    /// ochre to >= 75 dB purple); below 55 dB the 50-55 dB colour.
    static let bandColours: [QMLStyle.Colour] = [
        .init(0xE2F2BF), .init(0xF3C683), .init(0xE87E4D), .init(0xCD463E), .init(0xA11A4D), .init(0x75085C),
    ]

    static func lden(_ attribute: String, kind: QMLStyle.SymbolKind) -> LayerStyle {
        let column = "\"\(attribute)\""
        let edges = NoiseGrid.bandEdges
        var classes: [QMLStyle.Class] = []
        for band in 0...edges.count {
            var conditions: [String] = []
            if band > 0 { conditions.append("\(column) >= \(Int(edges[band - 1]))") }
            if band < edges.count { conditions.append("\(column) < \(Int(edges[band]))") }
            classes.append(.init(match: conditions.joined(separator: " AND "), label: "Lden " + NoiseGrid.bandName(band) + " dB",
                                 colour: bandColours[band]))
        }
        classes.append(.init(match: "\(column) IS NULL", label: "not assessed", colour: notAssessed))
        return LayerStyle(name: "Lden (END bands)", qml: QMLStyle(kind: kind, renderer: .rules(classes)).qml, isDefault: true,
                          description: "Lden in the END 5 dB bands (Directive 2002/49/EC Annex VI), ISO 1996-2 noise-map colours")
    }

    static let noiseBands = LayerStyle(
        name: "Lden band",
        qml: QMLStyle(kind: .fill, renderer: .categorized(attribute: "band", (0...NoiseGrid.bandEdges.count).map {
            .init(match: NoiseGrid.bandName($0), label: "Lden " + NoiseGrid.bandName($0) + " dB", colour: bandColours[$0])
        })).qml,
        isDefault: true, description: "Lden in the END 5 dB bands, ISO 1996-2 noise-map colours")

    /// Street space by category: vehicles in greys, cycling blue, green strips green, people warm.
    static let streetSpace = LayerStyle(
        name: "street space by category",
        qml: QMLStyle(kind: .fill, renderer: .categorized(attribute: "category", [
            .init(match: SpaceCategory.traffic.rawValue, label: "traffic", colour: .init(0x5A5A5A)),
            .init(match: SpaceCategory.parking.rawValue, label: "parking", colour: .init(0xA0A0A0)),
            .init(match: SpaceCategory.cycle.rawValue, label: "cycle", colour: .init(0x2B83BA)),
            .init(match: SpaceCategory.green.rawValue, label: "green strip", colour: .init(0x66BD63)),
            .init(match: SpaceCategory.shared.rawValue, label: "shared", colour: .init(0xFDAE61)),
            .init(match: SpaceCategory.pedestrian.rawValue, label: "pedestrian", colour: .init(0xFEE08B)),
        ])).qml,
        isDefault: true, description: "street space by category")

    /// The pedestrian share against the thresholds in force (BCNecologia: 60 % minimum, 75 % desirable).
    static func pedestrianShare(_ attribute: String, thresholds: PedestrianShareThresholds, kind: QMLStyle.SymbolKind) -> LayerStyle {
        let column = "\"\(attribute)\"", low = NumberFormat.fixed(thresholds.minimumPercent, 0), high = NumberFormat.fixed(thresholds.desirablePercent, 0)
        let classes: [QMLStyle.Class] = [
            .init(match: "\(column) < \(low)", label: "below minimum (< \(low) %)", colour: .init(0xD7301F)),
            .init(match: "\(column) >= \(low) AND \(column) < \(high)", label: "meets minimum (\(low)-\(high) %)", colour: .init(0xFDAE61)),
            .init(match: "\(column) >= \(high)", label: "meets desirable (>= \(high) %)", colour: .init(0x1A9850)),
            .init(match: "\(column) IS NULL", label: "no street space", colour: notAssessed),
        ]
        return LayerStyle(name: "pedestrian share", qml: QMLStyle(kind: kind, renderer: .rules(classes)).qml, isDefault: true,
                          description: "pedestrian + shared space against the \(low) % minimum and \(high) % desirable share (BCNecologia)")
    }

    /// Buildings within 300 m of green of at least 0.5 ha (WHO Europe), as a second building style.
    static let greenAccess = LayerStyle(
        name: "green access (300 m of 0.5 ha)",
        qml: QMLStyle(kind: .fill, renderer: .rules([
            .init(match: "\"green_300m\" = 1", label: "green >= 0.5 ha within 300 m", colour: .init(0x1A9850)),
            .init(match: "\"green_300m\" = 0", label: "no green >= 0.5 ha within 300 m", colour: .init(0xD7301F)),
            .init(match: "\"green_300m\" IS NULL", label: "not assessed (no green layer)", colour: notAssessed),
        ])).qml,
        isDefault: false, description: "residents' access to green of at least 0.5 ha within 300 m (WHO Europe)")

    static func single(_ name: String, colour: UInt32, kind: QMLStyle.SymbolKind) -> LayerStyle {
        LayerStyle(name: name, qml: QMLStyle(kind: kind, renderer: .single(.init(colour))).qml, isDefault: true)
    }

    /// A change (after - before) on a diverging scale: `better` is the sign of an improvement.
    /// `step`: the half-width of the neutral class; `large`: where the strong classes start.
    static func change(_ attribute: String, label: String, unit: String, step: Double, large: Double, betterWhenLower: Bool,
                       kind: QMLStyle.SymbolKind) -> LayerStyle {
        let column = "\"\(attribute)\"", s = NumberFormat.fixed(step, 0), l = NumberFormat.fixed(large, 0)
        let good: [QMLStyle.Colour] = [.init(0x1A9850), .init(0xA6D96A)], bad: [QMLStyle.Colour] = [.init(0xD7301F), .init(0xFDAE61)]
        let (low, high) = betterWhenLower ? (good, bad) : (bad, good)
        let classes: [QMLStyle.Class] = [
            .init(match: "\(column) < -\(l)", label: "below -\(l) \(unit)", colour: low[0]),
            .init(match: "\(column) >= -\(l) AND \(column) < -\(s)", label: "-\(l) to -\(s) \(unit)", colour: low[1]),
            .init(match: "\(column) >= -\(s) AND \(column) <= \(s)", label: "-\(s) to +\(s) \(unit)", colour: .init(0xE0E0E0)),
            .init(match: "\(column) > \(s) AND \(column) <= \(l)", label: "+\(s) to +\(l) \(unit)", colour: high[1]),
            .init(match: "\(column) > \(l)", label: "above +\(l) \(unit)", colour: high[0]),
            .init(match: "\(column) IS NULL", label: "one layout only", colour: notAssessed),
        ]
        return LayerStyle(name: label, qml: QMLStyle(kind: kind, renderer: .rules(classes)).qml, isDefault: true, description: label)
    }
}
