internal import CGEOS

/// An immutable STR-tree over a fixed array of geometries, answering with array indices.
///
/// GEOS 3.11's STRtree builds itself lazily on the first query, and inserting after that frees
/// nodes still in use (DESIGN.md section 2). So the tree is filled once, in `init`, and never again.
public final class SpatialIndex {
    private let tree: OpaquePointer
    /// The indexed geometries, kept alive because the tree refers to them by pointer.
    public let geometries: [Geometry]
    private let context: GeometryContext

    /// Items are stored as `index + 1` so that no item is the null pointer.
    public init(_ geometries: [Geometry], nodeCapacity: Int = 10) throws(GeometryError) {
        guard let context = geometries.first?.context else {
            throw GeometryError(operation: "spatial index", message: "needs at least one geometry")
        }
        guard let tree = GEOSSTRtree_create_r(context.handle, nodeCapacity) else {
            throw GeometryError(operation: "spatial index", message: context.takeError() ?? "cannot create")
        }
        for (index, geometry) in geometries.enumerated() where !geometry.isEmpty {
            GEOSSTRtree_insert_r(context.handle, tree, geometry.handle, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
        self.tree = tree
        self.geometries = geometries
        self.context = context
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    public var count: Int { geometries.count }

    /// Indices of the geometries whose envelopes intersect `box`, in ascending order.
    public func query(_ box: Envelope) -> [Int] {
        guard let window = GEOSGeom_createRectangle_r(context.handle, box.minX, box.minY, box.maxX, box.maxY) else { return [] }
        defer { GEOSGeom_destroy_r(context.handle, window) }
        return query(window: window)
    }

    /// Indices of the geometries whose envelopes intersect that of `geometry`.
    public func query(_ geometry: Geometry) -> [Int] {
        query(window: geometry.handle)
    }

    private func query(window: OpaquePointer) -> [Int] {
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { sink in
            GEOSSTRtree_query_r(context.handle, tree, window, { item, userData in
                guard let item, let userData else { return }
                userData.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, sink)
        }
        return found.sorted()
    }

    /// Index of the geometry nearest to `geometry` (by true distance, not envelope), or nil if empty.
    ///
    /// - Parameter prepared: the indexed geometries prepared, in the same order. With them each
    ///   candidate's distance comes from GEOS's indexed facet distance instead of comparing every
    ///   segment pair, which is what a building next to a park of thousands of vertices needs.
    public func nearest(to geometry: Geometry, prepared: [PreparedGeometry]? = nil) -> Int? {
        var search = NearestSearch(geometries: geometries, prepared: prepared, query: geometry, context: context)
        let found = withUnsafeMutablePointer(to: &search) { pointer in
            GEOSSTRtree_nearest_generic_r(context.handle, tree, NearestSearch.queryItem, geometry.handle, { first, second, distance, userData in
                guard let userData, let distance else { return 0 }
                let search = userData.assumingMemoryBound(to: NearestSearch.self)
                return search.pointee.distance(first, second, into: distance)
            }, pointer)
        }
        guard let found else { return nil }
        return Int(bitPattern: found) - 1
    }
}

/// What the nearest-neighbour distance callback needs to turn item pointers back into geometries.
private struct NearestSearch {
    /// The query itself travels as an item no indexed geometry can have (index + 1 is always > 0).
    static var queryItem: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: -1) }

    let geometries: [Geometry]
    let prepared: [PreparedGeometry]?
    let query: Geometry
    let context: GeometryContext

    /// GEOS's distance callback: 1 on success, 0 on failure.
    func distance(_ first: UnsafeRawPointer?, _ second: UnsafeRawPointer?, into distance: UnsafeMutablePointer<Double>) -> Int32 {
        if let prepared {
            // The tree compares the query with indexed items; either may come first.
            if first == Self.queryItem, let second, second != Self.queryItem {
                return GEOSPreparedDistance_r(context.handle, prepared[Int(bitPattern: second) - 1].handle, query.handle, distance)
            }
            if second == Self.queryItem, let first, first != Self.queryItem {
                return GEOSPreparedDistance_r(context.handle, prepared[Int(bitPattern: first) - 1].handle, query.handle, distance)
            }
        }
        guard let a = handle(for: first), let b = handle(for: second) else { return 0 }
        return GEOSDistance_r(context.handle, a, b, distance)
    }

    func handle(for item: UnsafeRawPointer?) -> OpaquePointer? {
        guard let item else { return nil }
        if item == Self.queryItem { return query.handle }
        return geometries[Int(bitPattern: item) - 1].handle
    }
}
