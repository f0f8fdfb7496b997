internal import CPROJ

extension CoordinateTransformer {
    /// Transforms one point; throws when PROJ cannot (latitude beyond 90, far outside a grid...).
    public func transform(x: Double, y: Double) throws(ProjectionError) -> (x: Double, y: Double) {
        let context = operation.context
        context.clearMessages()
        proj_errno_reset(operation.pointer)
        // z = 0 and t = "no epoch" (HUGE_VAL), exactly what the bulk call feeds PROJ for the
        // components it is not given, so the two paths agree to the last bit.
        let output = proj_trans(operation.pointer, direction, proj_coord(x, y, 0, .infinity))
        guard output.xy.x.isFinite, output.xy.y.isFinite else {
            throw ProjectionError(reason: .pointNotTransformed,
                                  attempt: "transform (\(x), \(y)) from \(quoted(source)) to \(quoted(target))",
                                  crs: [source, target],
                                  projMessage: context.failureMessage(errorNumber: proj_errno(operation.pointer)))
        }
        return (output.xy.x, output.xy.y)
    }

    /// Transforms a flat, interleaved `x0, y0, x1, y1, ...` buffer in place.
    ///
    /// Points PROJ cannot transform become NaN and are listed in the report; the others are
    /// transformed normally, so one bad vertex does not spoil a whole layer. A NaN input point
    /// counts as failed. The buffer must hold whole pairs.
    public func transform(_ xy: inout [Double]) -> TransformReport {
        precondition(xy.count.isMultiple(of: 2), "an x, y buffer must hold whole pairs, got \(xy.count) values")
        let pointCount = xy.count / 2
        guard pointCount > 0 else { return TransformReport(pointCount: 0) }

        let context = operation.context
        context.clearMessages()
        proj_errno_reset(operation.pointer)
        // PROJ also signals bulk failures through the C errno; reset it so a stale value from an
        // earlier call cannot be mistaken for one of ours.
        superblock_reset_errno()
        let stride = 2 * MemoryLayout<Double>.stride
        xy.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            _ = proj_trans_generic(operation.pointer, direction,
                                   base, stride, pointCount,
                                   base + 1, stride, pointCount,
                                   nil, 0, 0, nil, 0, 0)
        }
        // The return value counts points processed, not points that succeeded, and errno keeps
        // only the last failure: the outputs themselves are the only complete record.
        let failedErrno = superblock_errno()
        var failed: [Int] = []
        for index in 0..<pointCount where !xy[2 * index].isFinite || !xy[2 * index + 1].isFinite {
            failed.append(index)
            xy[2 * index] = .nan
            xy[2 * index + 1] = .nan
        }
        guard !failed.isEmpty else {
            context.clearMessages()
            return TransformReport(pointCount: pointCount)
        }
        let projErrno = proj_errno(operation.pointer)
        let message = context.failureMessage(errorNumber: projErrno != 0 ? projErrno : failedErrno)
        return TransformReport(pointCount: pointCount, failedIndices: failed, failureMessage: message)
    }
}
