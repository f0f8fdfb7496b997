import GeometryEngine

extension SpaceTransfers {
    /// Street space that changed category, charged to whoever owns it in the after layout (a
    /// street or a junction): each after piece overlaid with the before pieces of other categories,
    /// as the district's transfers are, so a street row says how many of its square metres were
    /// carriageway before.
    public static func byAfterOwner(before: SpaceAllocation, after: SpaceAllocation) throws(GeometryError) -> [SpacePiece.Owner: SpaceTransfers] {
        let context = GeometryContext()
        let old = try before.pieces.map { piece throws(GeometryError) in try Geometry.fromWKB(piece.wkb, in: context) }
        guard !old.isEmpty else { return [:] }
        let index = try SpatialIndex(old)
        var transfers: [SpacePiece.Owner: SpaceTransfers] = [:]
        for piece in after.pieces {
            let polygon = try Geometry.fromWKB(piece.wkb, in: context)
            for candidate in index.query(polygon) where before.pieces[candidate].category != piece.category {
                let area = try polygon.intersection(old[candidate]).area
                guard area > 1e-9 else { continue }
                transfers[piece.owner, default: SpaceTransfers()][before.pieces[candidate].category, piece.category] += area
            }
        }
        return transfers
    }
}
