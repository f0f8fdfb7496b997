import DistrictModel
import GeometryEngine

/// A street's geometry for allocation: its bands and the footprint used to find neighbours.
struct StreetShape {
    var section: CrossSection?
    var bands: [(category: SpaceCategory, polygon: Geometry, envelope: Envelope?)]
    var length: Double
    /// The buffer holding every band (its widest distance on both sides), or the area polygon.
    var outline: Geometry?
    /// The section's widest distance from the centreline (0 for areas).
    var halfWidth: Double
    /// For a separately mapped sidewalk, the roads it runs beside (positions among the streets the
    /// sidewalk finder was made from) and the share of its length along each: its area also counts
    /// in those roads' rows, in those shares.
    var alongsideRoads: [(position: Int, share: Double)] = []
    /// A square drawn by `superblock plan --squares` (`superblock:square`): inside its junction
    /// its categories take precedence over the streets' bands.
    var isSquare = false
    /// Whether the bands together cover the whole outline. A section whose sides differ leaves
    /// the narrower side's outer ring, and the ends of side-split rings, in no band: inside a
    /// junction such a street's outline holds area no category claims.
    var bandsFillOutline = true

    init(_ street: DistrictFeature, inference: CrossSectionInference, sidewalks: SeparateSidewalkFinder,
         context: GeometryContext) throws(GeometryError) {
        let geometry = try context.geometry(of: street)
        if let area = try Self.areaPolygon(street, geometry: geometry, context: context) {
            section = nil
            bands = [(Self.areaCategory(street.attributes), area, area.envelope)]
            length = 0
            outline = area
            halfWidth = 0
            isSquare = street.attributes.string("superblock:square") != nil
        } else {
            let separate = try sidewalks.separateSides(of: street, line: geometry)
            let road = try sidewalks.roadAlongside(street, line: geometry)
            let section = inference.crossSection(of: street.attributes, separateSidewalks: separate, alongsideRoad: road)
            self.section = section
            let beside = try sidewalks.alongside(street, line: geometry)
            if section.left.isEmpty, section.right.isEmpty, section.carriageway > 0, let roadOnLeft = beside.roadOnLeft {
                // A sidewalk mapped as its own way lies beside its road, whatever line the mapper
                // drew (its middle, or the kerb): its width is laid on the side away from the road,
                // so it does not overlap the carriageway and lose to it what it really has.
                let band = try geometry.buffer(roadOnLeft ? -section.carriageway : section.carriageway,
                                               style: BufferStyle(cap: .flat, singleSided: true))
                bands = [(section.carriagewayCategory, band, band.envelope)]
                outline = band
            } else {
                let made = try StreetBands.polygons(of: geometry, section: section)
                bandsFillOutline = StreetBands.isSymmetric(section)
                bands = made.bands.map { ($0.category, $0.polygon, $0.polygon.envelope) }
                outline = made.outline
            }
            halfWidth = max(section.intervals(onLeft: true).last?.to ?? 0, section.intervals(onLeft: false).last?.to ?? 0)
            length = geometry.length
            alongsideRoads = beside.roads
        }
    }

    /// The shapes of `streets`, in their order; an error names the street it came from.
    static func shapes(of streets: [DistrictFeature], inference: CrossSectionInference, sidewalks: SeparateSidewalkFinder,
                       context: GeometryContext) throws(GeometryError) -> [StreetShape] {
        var shapes: [StreetShape] = []
        shapes.reserveCapacity(streets.count)
        for street in streets {
            shapes.append(try GeometryError.naming(street.origin) { () throws(GeometryError) in
                try StreetShape(street, inference: inference, sidewalks: sidewalks, context: context)
            })
        }
        return shapes
    }

    /// The bands' bounding box, or nil when the street has no area.
    var envelope: Envelope? {
        bands.compactMap(\.envelope).reduce(nil) { $0?.union($1) ?? $1 }
    }

    /// Streets mapped as areas are used as they are: polygons, and closed ways tagged `area=yes`.
    static func areaPolygon(_ street: DistrictFeature, geometry: Geometry, context: GeometryContext) throws(GeometryError) -> Geometry? {
        switch street.geometry.family {
        case .polygon:
            return geometry
        case .line:
            guard let xy = street.closedAreaRing else { return nil }
            // The loader has reported an invalid ring (and skipped it with --invalid skip).
            let polygon = try Geometry.polygon([xy], in: context)
            return polygon.isValid ? polygon : try polygon.makeValid().polygonalParts()
        default:
            return nil
        }
    }

    static func areaCategory(_ attributes: Attributes) -> SpaceCategory {
        let value = attributes.string("area:highway") ?? attributes.string("highway") ?? ""
        switch value {
        case "footway", "pedestrian", "path", "steps", "platform", "corridor": return .pedestrian
        case "living_street": return .shared
        case "cycleway": return .cycle
        case "verge", "planter", "grass": return .green
        case "parking", "parking_lane": return .parking
        default: return .traffic
        }
    }
}
