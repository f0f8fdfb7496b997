internal import CSQLite

/// One open SQLite database file. C types stay inside this module: callers see SQL text and
/// `SQLValue`s.
///
/// Not `Sendable`: a connection is used by the task that opened it, as SQLite's default
/// (serialized) mode would allow otherwise, but our writers never need to share one.
public final class SQLiteConnection {
    let handle: OpaquePointer
    public let path: String

    /// Opens (and, with `create`, creates) the database at `path`.
    public init(path: String, create: Bool = false) throws(GeoPackageError) {
        var handle: OpaquePointer?
        let flags = create ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(handle)
            throw GeoPackageError(path: path, attempt: create ? "create the database" : "open the database", message: message)
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        sqlite3_close(handle)
    }

    /// SQLite's version, e.g. "3.40.1".
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs one or more statements without results (DDL, pragmas).
    public func execute(_ sql: String) throws(GeoPackageError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw GeoPackageError(path: path, attempt: "run \(Self.abbreviated(sql))", message: message)
        }
    }

    /// Runs one statement once per row of `rows`, binding each row's values to `?1`, `?2`, ...
    /// (one prepared statement for all rows: the fast path for bulk inserts).
    public func run(_ sql: String, rows: [[SQLValue]], attempt: (Int) -> String) throws(GeoPackageError) {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        for (index, row) in rows.enumerated() {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            try bind(row, to: statement, attempt: attempt(index))
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw GeoPackageError(path: path, attempt: attempt(index), message: lastMessage)
            }
        }
    }

    /// Runs one statement with `values` bound and returns every row.
    public func query(_ sql: String, _ values: [SQLValue] = []) throws(GeoPackageError) -> [[SQLValue]] {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        try bind(values, to: statement, attempt: "run \(Self.abbreviated(sql))")
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else {
                throw GeoPackageError(path: path, attempt: "run \(Self.abbreviated(sql))", message: lastMessage)
            }
            rows.append((0..<sqlite3_column_count(statement)).map { column(statement, $0) })
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction(_ body: () throws(GeoPackageError) -> Void) throws(GeoPackageError) {
        try execute("BEGIN")
        do {
            try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        try execute("COMMIT")
    }

    private func prepare(_ sql: String) throws(GeoPackageError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw GeoPackageError(path: path, attempt: "prepare \(Self.abbreviated(sql))", message: lastMessage)
        }
        return statement
    }

    /// SQLite copies bound text and blobs (SQLITE_TRANSIENT), so Swift's buffers need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func bind(_ values: [SQLValue], to statement: OpaquePointer, attempt: String) throws(GeoPackageError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, index)
            case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
            case .real(let number): status = sqlite3_bind_double(statement, index, number)
            case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, Self.transient)
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard status == SQLITE_OK else { throw GeoPackageError(path: path, attempt: attempt, message: lastMessage) }
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, index)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    private var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// The start of a statement, for messages.
    static func abbreviated(_ sql: String) -> String {
        let line = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
        return line.count > 80 ? "\"\(line.prefix(80))...\"" : "\"\(line)\""
    }
}
