import DistrictModel
import GeometryEngine

extension NoiseModel {
    /// Levels every `spacing` metres at 4 m over the study area (the extent of the street layer),
    /// at the points outside buildings, with this model (free-standing receivers: every facade may
    /// reflect); then the END Lden bands as polygons: each point's square cell, merged per band
    /// (GEOS union) and cut by the buildings.
    ///
    /// `streets`: the emission already computed for this district (by `analyse`), if any.
    public func noiseGrid(_ district: District, spacing: Double, streets: [StreetNoise]? = nil) async throws(NoiseGridError) -> NoiseGrid {
        let height = ReceiverPoint.defaultHeight
        guard let (extent, columns, rows) = try NoiseGrid.layout(of: district, spacing: spacing) else {
            return NoiseGrid(spacing: spacing, height: height, extent: nil, points: [], bands: [])
        }
        let cell = { (column: Int, row: Int) in
            Envelope(minX: extent.minX + Double(column) * spacing, minY: extent.minY + Double(row) * spacing,
                     maxX: extent.minX + Double(column + 1) * spacing, maxY: extent.minY + Double(row + 1) * spacing)
        }
        let context = GeometryContext()
        let receivers: [(column: Int, row: Int)]
        let footprints: Geometry?
        do {
            let buildings = try district.buildings.map { building throws(GeometryError) in try context.geometry(of: building) }
            let index = buildings.isEmpty ? nil : try SpatialIndex(buildings)
            var outside: [(Int, Int)] = []
            for row in 0..<rows {
                for column in 0..<columns {
                    let (x, y) = cell(column, row).center
                    if let index {
                        let point = try Geometry.point(x: x, y: y, in: context)
                        if index.query(point).contains(where: { buildings[$0].intersects(point) }) { continue }
                    }
                    outside.append((column, row))
                }
            }
            receivers = outside
            footprints = buildings.isEmpty ? nil : try Geometry.union(of: buildings, in: context)
        } catch {
            throw NoiseGridError("noise grid: \(error)")
        }

        let points = receivers.map { ReceiverPoint(id: "", x: cell($0.column, $0.row).center.x, y: cell($0.column, $0.row).center.y, height: height) }
        let levels = await self.levels(at: points, in: district, streets: streets)
        let gridPoints = zip(points, levels).map { NoiseGrid.Point(x: $0.x, y: $0.y, levels: $1) }

        var members = [[Int]](repeating: [], count: NoiseGrid.bandEdges.count + 1)
        for (index, point) in gridPoints.enumerated() { members[NoiseGrid.bandIndex(lden: point.levels.lden)].append(index) }
        var bands: [NoiseGrid.Band] = []
        do {
            for (band, indices) in members.enumerated() where !indices.isEmpty {
                // Receivers run row by row, west to east: neighbouring cells of a row become one
                // rectangle, and GEOS's cascaded union merges the rows. (Its coverage union fails
                // on cells that touch only at a corner, which every grid has.)
                var strips: [Geometry] = []
                var start = 0
                for k in indices.indices {
                    let next = k + 1 < indices.count ? receivers[indices[k + 1]] : nil, here = receivers[indices[k]]
                    guard next?.row != here.row || next!.column != here.column + 1 else { continue }
                    let first = cell(receivers[indices[start]].column, here.row), last = cell(here.column, here.row)
                    strips.append(try Geometry.rectangle(Envelope(minX: first.minX, minY: first.minY, maxX: last.maxX, maxY: last.maxY), in: context))
                    start = k + 1
                }
                var polygon = try Geometry.union(of: strips, in: context)
                if let footprints { polygon = try polygon.difference(footprints) }
                guard let polygonal = try polygon.polygonalParts(), !polygonal.isEmpty else { continue }
                let edges = NoiseGrid.bandEdges
                bands.append(NoiseGrid.Band(name: NoiseGrid.bandName(band), lower: band > 0 ? edges[band - 1] : nil,
                                            upper: band < edges.count ? edges[band] : nil, area: polygonal.area,
                                            pointCount: indices.count, wkb: try polygonal.wkb()))
            }
        } catch {
            throw NoiseGridError("noise grid bands: \(error)")
        }
        return NoiseGrid(spacing: spacing, height: height, extent: extent, points: gridPoints, bands: bands)
    }
}
