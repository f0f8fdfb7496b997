import CNOSSOS
import DistrictModel
import GeoJSON

extension NoiseModel {
    /// What the CNOSSOS-EU path finder needs from a district, built once per analysis: facades with
    /// their heights, ground zones, and the settings of the propagation.
    struct CnossosScene: Sendable {
        let receiver: CnossosReceiver
        /// The height given to buildings without `height` or `building:levels`.
        let defaultHeight: Double
    }

    func cnossosScene(_ district: District) -> CnossosScene {
        let buildings = district.buildings
        let fallback = options.buildingHeight ?? Self.medianKnownHeight(buildings) ?? 10
        let heights = buildings.map { building in
            let height = building.buildingHeight
            return height.isDefaulted ? fallback : height.metres
        }
        let walls = WallIndex(buildingRings: buildings.map { Self.rings($0.geometry) }, heights: heights)
        let zones = district.greens.compactMap { green -> (rings: [[Double]], g: Double)? in
            let rings = Self.rings(green.geometry)
            guard !rings.isEmpty else { return nil }
            let g = green.attributes.number("g").flatMap { $0.isFinite && (0 ... 1).contains($0) ? $0 : nil } ?? 1
            return (rings, g)
        }
        var finder = UrbanPathFinder(walls: walls, ground: GroundZones(zones: zones, defaultG: options.groundG))
        finder.receiverHeight = options.propagation.receiverHeight
        finder.sourceHeight = options.propagation.sourceHeight
        let conditions = PropagationConditions(temperature: options.airTemperature, humidity: options.humidity)
        var receiver = CnossosReceiver(finder: finder, conditions: conditions, favourable: options.favourable,
                                       searchRadius: options.searchRadius, reflectionOrder: options.reflectionOrder)
        receiver.lateralDiffraction = options.lateralDiffraction
        receiver.maxError = options.maxError
        return CnossosScene(receiver: receiver, defaultHeight: fallback)
    }

    /// The median height of the buildings whose height is tagged or follows from their levels: a
    /// district's own typical height is a better guess for the rest than a fixed number.
    static func medianKnownHeight(_ buildings: [DistrictFeature]) -> Double? {
        let known = buildings.map(\.buildingHeight).filter { !$0.isDefaulted }.map(\.metres).sorted()
        guard !known.isEmpty else { return nil }
        let middle = known.count / 2
        return known.count % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2
    }

    /// Every ring (exterior first, then holes) of each polygon of a geometry.
    static func rings(_ geometry: GeoJSONGeometry) -> [[Double]] {
        switch geometry {
        case .polygon(let rings): rings
        case .multiPolygon(let polygons): polygons.flatMap { $0 }
        default: []
        }
    }

    /// How many of a building's receivers get the full CNOSSOS-EU computation: those the free-field
    /// model finds loudest. The most exposed facade faces the loudest street in both models; the
    /// others, screened by their own building, cannot be the loudest.
    static let exposedCandidates = 2

    /// The levels at the most exposed of a building's receivers, and its position (nil when it has none).
    static func mostExposed(_ points: [Double], building: Int?, sources: [Source], grid: SourceGrid, scene: CnossosScene,
                            options: NoiseOptions, scratch: inout QueryScratch) -> Exposure? {
        var ranked: [(lden: Double, x: Double, y: Double)] = []
        var i = 0
        while i + 1 < points.count {
            let freeField = levels(atX: points[i], y: points[i + 1], sources: sources, grid: grid, screen: nil, options: options)
            ranked.append((freeField.lden, points[i], points[i + 1]))
            i += 2
        }
        ranked.sort { $0.lden > $1.lden }
        let surcharge = options.canyonSurcharge ?? 0
        var best: Exposure?
        for candidate in ranked.prefix(exposedCandidates) {
            // A later candidate is followed only while it could still be the louder one.
            guard var levels = scene.receiver.levels(atX: candidate.x, y: candidate.y, building: building, sources: sources,
                                                     grid: grid, toBeat: best.map { $0.levels.lden - surcharge },
                                                     scratch: &scratch) else { continue }
            if surcharge != 0 { levels = levels.map { $0 + surcharge } }
            if best == nil || levels.lden > best!.levels.lden { best = Exposure(levels: levels, receiver: ReceiverLocation(x: candidate.x, y: candidate.y)) }
        }
        return best
    }
}
