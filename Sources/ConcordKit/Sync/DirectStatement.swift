import CSQLiteSession
import Foundation
import GRDB

/// Runs the merge's cached statements with values bound through SQLite's C API.
///
/// The merge runs a handful of statements per row change, and the import of a file runs
/// hundreds of thousands of them. Through `execute(arguments:)`, GRDB first converts each
/// value list with generic code that is not specialized across modules (a key path and
/// metadata lookups per call): profiled with perf on a 100k-change import, that conversion
/// cost more than SQLite's own work of inserting the rows. These helpers bind
/// `DatabaseValue`s straight to the prepared statement (https://www.sqlite.org/c3ref/bind_blob.html),
/// step it and reset it. They run only inside the caller's GRDB transaction, on
/// statements GRDB prepared and caches, and never begin or end a transaction.
extension Statement {
    /// Binds `values` to the statement's parameters (by position) and runs it to completion.
    func run(_ values: [DatabaseValue]) throws {
        let handle = try bindDirectly(values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            if code != SQLITE_ROW { throw failure(code, handle) }
        }
    }

    /// Binds `values`, then calls `row` with the statement handle for each result row.
    func forEachRow(_ values: [DatabaseValue], _ row: (OpaquePointer) throws -> Void) throws {
        let handle = try bindDirectly(values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code, handle) }
            try row(handle)
        }
    }

    private func bindDirectly(_ values: [DatabaseValue]) throws -> OpaquePointer {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        guard Int(sqlite3_bind_parameter_count(handle)) == values.count else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE, message: "wrong number of statement arguments: \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, index)
            case let .int64(number): code = sqlite3_bind_int64(handle, index, number)
            case let .double(number): code = sqlite3_bind_double(handle, index, number)
            case var .string(text):
                code = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { characters in
                        // An empty string still binds as text (a null pointer would bind NULL).
                        guard let start = characters.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
                        return sqlite3_bind_text(handle, index, start, Int32(characters.count), Self.transient)
                    }
                }
            case let .blob(data):
                code = data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
                }
            }
            guard code == SQLITE_OK else { throw failure(code, handle) }
        }
        return handle
    }

    private func failure(_ code: Int32, _ handle: OpaquePointer) -> DatabaseError {
        let message = sqlite3_db_handle(handle).map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// SQLite copies bound text and blobs (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
