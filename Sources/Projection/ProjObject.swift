internal import CPROJ

/// Owns one PROJ object (`PJ *`): a CRS or a coordinate operation, destroyed with its owner.
///
/// Keeps its context alive, because PROJ requires the context to outlive every object made in it.
final class ProjObject {
    let pointer: OpaquePointer
    let context: ProjectionContext

    init(_ pointer: OpaquePointer, in context: ProjectionContext) {
        self.pointer = pointer
        self.context = context
    }

    deinit {
        proj_destroy(pointer)
    }

    var type: PJ_TYPE { proj_get_type(pointer) }

    var name: String {
        guard let name = proj_get_name(pointer) else { return "unnamed" }
        return String(cString: name)
    }
}
