internal import CPROJ

/// One way PROJ knows to go between two CRSs, as its database describes it.
struct CandidateOperation: Sendable, Equatable {
    var name: String
    /// In metres; 0 for pure conversions (map projections, axis swaps), which are exact; nil
    /// when the database gives none.
    var accuracy: Double?
    /// A ballpark operation ignores the datum shift altogether: PROJ's last resort.
    var isBallpark: Bool
    /// Grids the operation needs that are not on this machine. Non-empty means PROJ skips it.
    var missingGrids: [String]

    var isUsable: Bool { missingGrids.isEmpty }
}

extension CandidateOperation {
    /// Every operation PROJ considers from `source` to `target`, in PROJ's order of preference,
    /// including those it will skip for want of a grid. The same search `proj_create_crs_to_crs`
    /// runs, except that missing grids only demote an operation instead of removing it.
    static func candidates(from source: ProjObject, to target: ProjObject) -> [CandidateOperation]? {
        let context = source.context
        let handle = context.handle
        guard let factory = proj_create_operation_factory_context(handle, nil) else { return nil }
        defer { proj_operation_factory_context_destroy(factory) }
        proj_operation_factory_context_set_spatial_criterion(handle, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(handle, factory, PROJ_GRID_AVAILABILITY_USED_FOR_SORTING)
        guard let list = proj_create_operations(handle, source.pointer, target.pointer, factory) else { return nil }
        defer { proj_list_destroy(list) }

        var found: [CandidateOperation] = []
        for index in 0..<proj_list_get_count(list) {
            guard let pointer = proj_list_get(handle, list, index) else { continue }
            found.append(CandidateOperation(ProjObject(pointer, in: context)))
        }
        return found
    }

    private init(_ operation: ProjObject) {
        let handle = operation.context.handle
        let pointer = operation.pointer
        name = operation.name
        if operation.type == PJ_TYPE_CONVERSION {
            accuracy = 0
        } else {
            let reported = proj_coordoperation_get_accuracy(handle, pointer)
            accuracy = reported >= 0 ? reported : nil
        }
        isBallpark = proj_coordoperation_has_ballpark_transformation(handle, pointer) != 0
        var missing: [String] = []
        for index in 0..<proj_coordoperation_get_grid_used_count(handle, pointer) {
            var shortName: UnsafePointer<CChar>?
            var available: Int32 = 0
            guard proj_coordoperation_get_grid_used(handle, pointer, index, &shortName, nil, nil, nil, nil, nil, &available) != 0
            else { continue }
            if available == 0 { missing.append(shortName.map { String(cString: $0) } ?? "unnamed grid") }
        }
        missingGrids = missing
    }
}
