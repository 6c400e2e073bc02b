import CSQLiteSession
import ConcordKit
import Foundation

/// The baseline of the sync benchmark: the same row changes as one plain SQLite
/// changeset, applied with `sqlite3changeset_apply` and nothing else (no change log,
/// no per-field versions, no causal delivery).
///
/// The records' changesets are combined with a changegroup
/// (https://www.sqlite.org/session/changegroup.html), which is what `sqlite3changeset_concat`
/// does for two; changes to one row are folded into one (an INSERT then UPDATEs becomes one INSERT).
enum SyncBenchmarkRawChangeset {
    /// Why the raw baseline could not be made or applied.
    enum RawError: LocalizedError {
        case sqlite(step: String, code: Int32)

        var errorDescription: String? {
            switch self {
            case let .sqlite(step, code):
                return "raw changeset baseline: \(step) failed with SQLite code \(code); is libsqlite3 built with the session extension?"
            }
        }
    }

    /// One changeset holding the changes of every record in the file at `path`, in file order.
    static func combined(fromFile path: String) throws -> Data {
        var group: OpaquePointer?
        var code = sqlite3changegroup_new(&group)
        guard code == SQLITE_OK, let group else { throw RawError.sqlite(step: "sqlite3changegroup_new", code: code) }
        defer { sqlite3changegroup_delete(group) }
        let reader = try ChangesetFileReader(path: path)
        while let record = try reader.next() {
            code = record.changeset.withUnsafeBytes { bytes in
                sqlite3changegroup_add(group, Int32(bytes.count), UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            }
            guard code == SQLITE_OK else { throw RawError.sqlite(step: "sqlite3changegroup_add", code: code) }
        }
        var size: Int32 = 0
        var output: UnsafeMutableRawPointer?
        code = sqlite3changegroup_output(group, &size, &output)
        guard code == SQLITE_OK else { throw RawError.sqlite(step: "sqlite3changegroup_output", code: code) }
        defer { sqlite3_free(output) }
        return output.map { Data(bytes: $0, count: Int(size)) } ?? Data()
    }

    /// Applies `changeset` to the database file at `path` in one transaction; conflicting rows
    /// are replaced (data, conflict) or skipped (missing row, constraint). Returns how many
    /// conflicts the handler saw.
    @discardableResult
    static func apply(_ changeset: Data, toDatabaseAt path: String) throws -> Int {
        var connection: OpaquePointer?
        var code = sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil)
        guard code == SQLITE_OK, let connection else { throw RawError.sqlite(step: "sqlite3_open_v2", code: code) }
        defer { sqlite3_close_v2(connection) }
        code = sqlite3_exec(connection, "BEGIN IMMEDIATE", nil, nil, nil)
        guard code == SQLITE_OK else { throw RawError.sqlite(step: "BEGIN", code: code) }
        var conflicts = 0
        code = changeset.withUnsafeBytes { bytes in
            withUnsafeMutablePointer(to: &conflicts) { counter in
                sqlite3changeset_apply(
                    connection, Int32(bytes.count), UnsafeMutableRawPointer(mutating: bytes.baseAddress), nil,
                    { context, kind, _ in
                        context?.assumingMemoryBound(to: Int.self).pointee += 1
                        return kind == SQLITE_CHANGESET_DATA || kind == SQLITE_CHANGESET_CONFLICT
                            ? SQLITE_CHANGESET_REPLACE : SQLITE_CHANGESET_OMIT
                    }, counter)
            }
        }
        guard code == SQLITE_OK else {
            sqlite3_exec(connection, "ROLLBACK", nil, nil, nil)
            throw RawError.sqlite(step: "sqlite3changeset_apply", code: code)
        }
        code = sqlite3_exec(connection, "COMMIT", nil, nil, nil)
        guard code == SQLITE_OK else { throw RawError.sqlite(step: "COMMIT", code: code) }
        return conflicts
    }
}
