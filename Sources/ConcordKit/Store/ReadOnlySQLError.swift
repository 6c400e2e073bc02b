import Foundation

/// Why a `sql` query was not run, or failed.
public enum ReadOnlySQLError: LocalizedError, Equatable {
    case emptyQuery
    case severalStatements
    case writeRefused(String)
    case notAFile
    case cannotOpen(path: String, reason: String)
    case sqlite(String)
    case invalidLimit(Int)

    public var errorDescription: String? {
        switch self {
        case .emptyQuery:
            return "give a query, e.g. sql SELECT kind, count(*) FROM entities GROUP BY kind"
        case .severalStatements:
            return "sql runs one statement at a time; remove everything after the first ';'"
        case let .writeRefused(what):
            return "sql is read-only: \(what) is not allowed; use the editing commands (set, link, …) to change the knowledge base"
        case .notAFile:
            return "sql needs a knowledge base stored in a file; pass --db PATH"
        case let .cannotOpen(path, reason):
            return "cannot open \(path) for reading (\(reason)); check the path and its permissions"
        case let .sqlite(message):
            return "sql: \(message)"
        case let .invalidLimit(limit):
            return "--limit \(limit) is not a row count; give 1 or more, or 0 for every row"
        }
    }
}
