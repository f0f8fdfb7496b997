import DistrictModel
import GeometryEngine

/// Every band polygon of the streets being measured, indexed by its box: the junctions look up
/// which bands are present where they lie, the streets which bands may overlap theirs.
struct BandIndex {
    struct Entry {
        var street: Int
        var category: SpaceCategory
        var polygon: Geometry
        var envelope: Envelope
        /// From a planned square: first served inside a junction.
        var isSquare = false
    }

    let entries: [Entry]
    private let index: SpatialIndex?
    /// Per street, its entries (consecutive, in band order).
    private let ranges: [Range<Int>]

    init(shapes: [StreetShape]) throws(GeometryError) {
        var entries: [Entry] = []
        var ranges: [Range<Int>] = []
        for (street, shape) in shapes.enumerated() {
            let start = entries.count
            for band in shape.bands {
                guard let envelope = band.envelope else { continue }
                entries.append(Entry(street: street, category: band.category, polygon: band.polygon, envelope: envelope,
                                     isSquare: shape.isSquare))
            }
            ranges.append(start..<entries.count)
        }
        self.entries = entries
        self.ranges = ranges
        index = entries.isEmpty ? nil : try SpatialIndex(entries.map(\.polygon))
    }

    /// Entries whose boxes meet `box`, ascending.
    func bands(intersecting box: Envelope) -> [Int] {
        index?.query(box) ?? []
    }

    func entriesOfStreet(_ street: Int) -> Range<Int> { ranges[street] }

    func category(_ entry: Int) -> SpaceCategory { entries[entry].category }
    func polygon(_ entry: Int) -> Geometry { entries[entry].polygon }
}
