import CSQLiteSession
import Foundation

/// Runs one SQL query typed by a user (`sql`) on its own read-only connection, so
/// that nothing it says can change the knowledge base or write any other file.
///
/// Four locks, each of which alone would stop most writes:
/// 1. the connection is opened `SQLITE_OPEN_READONLY`;
/// 2. `PRAGMA query_only = ON`;
/// 3. an authorizer allows only reading (`SELECT`, reads, functions, recursive CTEs,
///    and the pragmas listed in ``introspectionPragmas``/``valuePragmas`` without a new
///    value) and refuses everything else at compile time — notably `ATTACH`/`DETACH`
///    and `VACUUM INTO`'s file, which the first two do not stop (SQLite 3.40 creates
///    the `VACUUM INTO` target file on a query-only connection before failing);
/// 4. a statement that `sqlite3_stmt_readonly` does not call read-only is refused
///    before it runs.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/set_authorizer.html>,
/// <https://www.sqlite.org/pragma.html#pragma_query_only>,
/// <https://www.sqlite.org/c3ref/stmt_readonly.html>.
public struct ReadOnlySQL: Sendable {
    /// A value in a result row.
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob(Data)
    }

    /// What a query returned: column names and at most `limit` rows.
    public struct Result: Sendable {
        public var columns: [String]
        public var rows: [[Value]]
        /// `true` when the query had more rows than the limit.
        public var truncated: Bool
        public var limit: Int
    }

    /// Pragmas that only describe the schema or check the file; any argument is a name to describe.
    static let introspectionPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "foreign_key_check", "integrity_check", "quick_check", "database_list", "collation_list", "function_list",
        "module_list", "pragma_list", "compile_options",
    ]
    /// Pragmas that read a setting; allowed only without a value (with one they would set it).
    static let valuePragmas: Set<String> = [
        "user_version", "schema_version", "application_id", "page_count", "page_size", "freelist_count", "encoding",
        "data_version", "foreign_keys", "max_page_count", "auto_vacuum",
    ]

    /// The database file to read.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Runs `query` (one statement) and returns at most `limit` rows (`0`: all of them).
    public func run(_ query: String, limit: Int) throws -> Result {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ReadOnlySQLError.emptyQuery }
        let connection = try open()
        defer { sqlite3_close_v2(connection.handle) }
        let statement = try prepare(trimmed, on: connection)
        defer { sqlite3_finalize(statement) }
        guard sqlite3_stmt_readonly(statement) != 0 else {
            throw ReadOnlySQLError.writeRefused(Self.statementName(trimmed, refused: nil))
        }
        // Ctrl-C at the prompt interrupts the query (see QueryInterruption).
        let address = UInt(bitPattern: connection.handle)
        return try QueryInterruption.shared.whileRunning(interruptedBy: { sqlite3_interrupt(OpaquePointer(bitPattern: address)) }) {
            try Self.collect(statement, connection: connection.handle, limit: limit)
        }
    }

    /// An open connection and the authorizer's record of what it refused.
    private struct Connection {
        var handle: OpaquePointer
        var refusals: AuthorizerLog
    }

    private func open() throws -> Connection {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(code)"
            if let handle { sqlite3_close_v2(handle) }
            throw ReadOnlySQLError.cannotOpen(path: path, reason: message)
        }
        sqlite3_busy_timeout(handle, Int32(KnowledgeBase.busyTimeout * 1000))
        sqlite3_extended_result_codes(handle, 1)
        guard sqlite3_exec(handle, "PRAGMA query_only = ON", nil, nil, nil) == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(handle))
            sqlite3_close_v2(handle)
            throw ReadOnlySQLError.cannotOpen(path: path, reason: message)
        }
        let log = AuthorizerLog()
        // The log lives as long as the connection: both end in `run`.
        sqlite3_set_authorizer(handle, ReadOnlySQL.authorize, Unmanaged.passUnretained(log).toOpaque())
        return Connection(handle: handle, refusals: log)
    }

    private func prepare(_ query: String, on connection: Connection) throws -> OpaquePointer {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let utf8 = Array(query.utf8CString)
        let code = utf8.withUnsafeBufferPointer { buffer -> Int32 in
            let code = sqlite3_prepare_v2(connection.handle, buffer.baseAddress, -1, &statement, &tail)
            // Anything but blanks and comments after the first statement is a second one.
            if code == SQLITE_OK, let tail, Self.holdsAnotherStatement(tail, on: connection.handle) {
                return SQLITE_MISUSE
            }
            return code
        }
        if code == SQLITE_MISUSE {
            sqlite3_finalize(statement)
            throw ReadOnlySQLError.severalStatements
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            let message = String(cString: sqlite3_errmsg(connection.handle))
            if connection.refusals.refused != nil || (code & 0xFF) == SQLITE_AUTH || message == "not authorized" {
                throw ReadOnlySQLError.writeRefused(Self.statementName(query, refused: connection.refusals.refused))
            }
            throw ReadOnlySQLError.sqlite(Self.oneLine(message))
        }
        guard let statement else { throw ReadOnlySQLError.emptyQuery }
        return statement
    }

    /// Whether the text after the first statement holds another one (anything but blanks,
    /// `;` and comments); returns `true` also when that text does not parse.
    private static func holdsAnotherStatement(_ tail: UnsafePointer<CChar>, on handle: OpaquePointer) -> Bool {
        var next: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, tail, -1, &next, nil)
        defer { sqlite3_finalize(next) }
        return code != SQLITE_OK || next != nil
    }

    private static func collect(_ statement: OpaquePointer, connection: OpaquePointer, limit: Int) throws -> Result {
        let count = Int(sqlite3_column_count(statement))
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        var rows: [[Value]] = []
        var truncated = false
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                if code == SQLITE_INTERRUPT { throw QueryInterruption.Interrupted() }
                let message = String(cString: sqlite3_errmsg(connection))
                if message == "not authorized" { throw ReadOnlySQLError.writeRefused("this statement") }
                throw ReadOnlySQLError.sqlite(oneLine(message))
            }
            if limit > 0 && rows.count == limit {
                truncated = true
                break
            }
            rows.append((0..<count).map { value(statement, Int32($0)) })
        }
        return Result(columns: columns, rows: rows, truncated: truncated, limit: limit)
    }

    private static func value(_ statement: OpaquePointer, _ index: Int32) -> Value {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let bytes = Int(sqlite3_column_bytes(statement, index))
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: bytes), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = Int(sqlite3_column_bytes(statement, index))
            guard let blob = sqlite3_column_blob(statement, index) else { return .blob(Data()) }
            return .blob(Data(bytes: blob, count: bytes))
        default: return .null
        }
    }

    /// The authorizer: reading is allowed, everything else is denied (and remembered for the message).
    private static let authorize: @convention(c) (
        UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<CChar>?
    ) -> Int32 = { context, action, first, second, _, _ in
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_PRAGMA:
            let name = first.map { String(cString: $0).lowercased() } ?? ""
            if introspectionPragmas.contains(name) || (valuePragmas.contains(name) && second == nil) { return SQLITE_OK }
            let log = context.map { Unmanaged<AuthorizerLog>.fromOpaque($0).takeUnretainedValue() }
            log?.refused = second == nil ? "PRAGMA \(name)" : "PRAGMA \(name) = …"
            return SQLITE_DENY
        case SQLITE_UPDATE where first.map({ String(cString: $0) }) == "sqlite_master":
            // A table-valued pragma (`SELECT name FROM pragma_table_info('entities')`) asks for
            // this while it compiles. Nothing can write the schema table here: SQLite itself refuses
            // `UPDATE sqlite_master` ("may not be modified") and the connection is read-only.
            return SQLITE_IGNORE
        default:
            // Name the first refusal that is not SQLite's own bookkeeping (sqlite_master, sqlite_stat1).
            let table = first.map { String(cString: $0) } ?? ""
            let log = context.map { Unmanaged<AuthorizerLog>.fromOpaque($0).takeUnretainedValue() }
            if log?.refused == nil && !table.hasPrefix("sqlite_") { log?.refused = actionName(action) }
            return SQLITE_DENY
        }
    }

    private static func actionName(_ action: Int32) -> String {
        switch action {
        case SQLITE_INSERT: return "INSERT"
        case SQLITE_UPDATE: return "UPDATE"
        case SQLITE_DELETE: return "DELETE"
        case SQLITE_ATTACH: return "ATTACH"
        case SQLITE_DETACH: return "DETACH"
        case SQLITE_TRANSACTION: return "a transaction statement"
        case SQLITE_SAVEPOINT: return "SAVEPOINT"
        case SQLITE_ANALYZE: return "ANALYZE"
        case SQLITE_REINDEX: return "REINDEX"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE, SQLITE_CREATE_VTABLE: return "CREATE TABLE"
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: return "CREATE INDEX"
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: return "CREATE VIEW"
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: return "CREATE TRIGGER"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_VTABLE: return "DROP TABLE"
        case SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX: return "DROP INDEX"
        case SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: return "DROP VIEW"
        case SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER: return "DROP TRIGGER"
        default: return "this statement"
        }
    }

    /// Words a refused statement starts with, named as the user wrote them.
    private static let statementKeywords: Set<String> = [
        "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "ATTACH", "DETACH", "VACUUM", "ANALYZE",
        "REINDEX", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE",
    ]
    private static let createModifiers: Set<String> = ["TEMP", "TEMPORARY", "UNIQUE", "VIRTUAL"]

    /// What to call a refused statement: its leading keywords (`DROP TABLE`, `VACUUM`), or what
    /// the authorizer refused (`PRAGMA user_version = …`, or `INSERT` inside a `WITH`), or "this statement".
    static func statementName(_ query: String, refused: String?) -> String {
        let words = query.uppercased().split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ";" }).map(String.init)
        guard let first = words.first, statementKeywords.contains(first) else { return refused ?? "this statement" }
        guard first == "CREATE" || first == "DROP" else { return first }
        let object = words.dropFirst().first { !createModifiers.contains($0) }
        return object.map { first + " " + $0 } ?? first
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// What the authorizer refused while a statement compiled, for the error message.
private final class AuthorizerLog: @unchecked Sendable {
    var refused: String?
}
