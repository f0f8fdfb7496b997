import DistrictModel
import GeoJSON
import GeometryEngine
import Indicators
import Testing
import TestSupport

/// An independent check of the 300 m access share on the real Eixample extract: brute-force
/// polygon distances in plain Swift (every facade segment against every green segment, no GEOS
/// distance, no spatial index) must give exactly the same residents as the indexed GEOS path.
///
/// The extract maps no parks, so the green here is the Consell de Cent green axis ("eix verd"):
/// its living-street and pedestrian ways buffered by half their width, dissolved.
@Suite struct GreenOracleTests {
    @Test func eixampleAccessShareMatchesABruteForceOracle() throws {
        let loaded = try DistrictLoader().load([FixtureFiles.sample("eixample/roads.geojson"), FixtureFiles.sample("eixample/buildings.geojson")])
        let context = GeometryContext()
        var district = loaded
        var axis: [DistrictFeature] = []
        for street in loaded.streets where (street.attributes.string("name") ?? "").lowercased().contains("consell de cent")
            && ["living_street", "pedestrian"].contains(street.highway ?? "") && street.geometry.family == .line {
            let width = street.attributes.number("width") ?? 6
            let band = try context.geometry(from: street.geometry).buffer(width / 2)
            axis.append(DistrictFeature(id: "axis-\(street.id)", layer: .green, geometry: band.geoJSON,
                                        attributes: Attributes(["leisure": .string("park")]), origin: street.origin))
        }
        #expect(axis.count > 10)
        district.features += axis
        let population = try PopulationEstimator().estimate(district)
        var options = GreenOptions()
        options.minimumArea = 1_000  // the axis pieces between crossings are small; use a class that exists
        let green = try GreenAnalyzer(options: options).analyse(district, population: population)

        // The oracle: dissolve with GEOS (a union is not a distance), then pure-Swift distances.
        let dissolved = try Geometry.union(of: try axis.map { try context.geometry(from: $0.geometry) }, in: context)
        let parts = (dissolved.kind == .polygon ? [dissolved] : dissolved.parts).filter { $0.area >= options.minimumArea }
        #expect(!parts.isEmpty)
        let partRings = parts.map(\.rings)
        var served = 0.0, residents = 0.0
        for (index, building) in district.buildings.enumerated() {
            let people = population[index].population
            residents += people
            let rings = BruteForce.rings(of: building.geometry)
            if partRings.contains(where: { BruteForce.distance(rings, $0) <= options.accessDistance }) { served += people }
        }
        #expect(residents == green.summary.residents)
        #expect(served == green.summary.residentsGreen300m)
        #expect(served > 0 && served < residents)
    }
}

/// Plain-Swift polygon distance: 0 when one polygon holds a vertex of the other or edges cross,
/// else the smallest point-to-segment distance over all vertex/edge pairs.
enum BruteForce {
    static func rings(of geometry: GeoJSONGeometry) -> [[Double]] {
        switch geometry {
        case .polygon(let rings): rings
        case .multiPolygon(let polygons): polygons.flatMap { $0 }
        default: []
        }
    }

    static func distance(_ a: [[Double]], _ b: [[Double]]) -> Double {
        if a.contains(where: { ring in ring.count >= 2 && contains(b, ring[0], ring[1]) }) { return 0 }
        if b.contains(where: { ring in ring.count >= 2 && contains(a, ring[0], ring[1]) }) { return 0 }
        var best = Double.infinity
        for ringA in a {
            for ringB in b {
                var i = 0
                while i + 3 < ringA.count {
                    var j = 0
                    while j + 3 < ringB.count {
                        best = min(best, segmentDistance(ringA[i], ringA[i + 1], ringA[i + 2], ringA[i + 3],
                                                         ringB[j], ringB[j + 1], ringB[j + 2], ringB[j + 3]))
                        j += 2
                    }
                    i += 2
                }
            }
        }
        return best
    }

    /// Even-odd rule over all rings (holes included).
    static func contains(_ rings: [[Double]], _ x: Double, _ y: Double) -> Bool {
        var inside = false
        for ring in rings {
            var i = 0
            while i + 3 < ring.count {
                let (x0, y0, x1, y1) = (ring[i], ring[i + 1], ring[i + 2], ring[i + 3])
                if (y0 > y) != (y1 > y), x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) { inside.toggle() }
                i += 2
            }
        }
        return inside
    }

    static func segmentDistance(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double,
                                _ cx: Double, _ cy: Double, _ dx: Double, _ dy: Double) -> Double {
        func cross(_ ox: Double, _ oy: Double, _ px: Double, _ py: Double, _ qx: Double, _ qy: Double) -> Double {
            (px - ox) * (qy - oy) - (py - oy) * (qx - ox)
        }
        let d1 = cross(cx, cy, dx, dy, ax, ay), d2 = cross(cx, cy, dx, dy, bx, by)
        let d3 = cross(ax, ay, bx, by, cx, cy), d4 = cross(ax, ay, bx, by, dx, dy)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return 0 }
        return min(point(ax, ay, cx, cy, dx, dy), point(bx, by, cx, cy, dx, dy), point(cx, cy, ax, ay, bx, by), point(dx, dy, ax, ay, bx, by))
    }

    static func point(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double {
        let vx = bx - ax, vy = by - ay
        let lengthSquared = vx * vx + vy * vy
        let t = lengthSquared > 0 ? max(0, min(1, ((px - ax) * vx + (py - ay) * vy) / lengthSquared)) : 0
        let ex = ax + t * vx - px, ey = ay + t * vy - py
        return (ex * ex + ey * ey).squareRoot()
    }
}
