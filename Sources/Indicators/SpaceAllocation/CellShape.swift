import DistrictModel
import GeometryEngine

/// A superblock cell, prepared for measuring what falls inside it.
struct CellShape {
    var id: String
    var name: String?
    var polygon: PreparedGeometry
    var envelope: Envelope?
    var area: Double

    init(_ cell: DistrictFeature, context: GeometryContext) throws(GeometryError) {
        id = cell.id
        name = cell.attributes.string("name")
        let geometry = try context.geometry(of: cell)
        polygon = try PreparedGeometry(geometry)
        envelope = geometry.envelope
        area = geometry.area
    }

    /// Area of `piece` inside the cell.
    func area(of piece: Geometry) throws(GeometryError) -> Double {
        guard let box = piece.envelope, let envelope, box.intersects(envelope), polygon.intersects(piece) else { return 0 }
        if polygon.covers(piece) { return piece.area }
        return try polygon.base.intersection(piece).area
    }
}
