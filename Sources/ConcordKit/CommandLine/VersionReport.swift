import CSQLiteSession
import GRDB

/// What `concord --version` (`-V`) prints: Concord's version, the SQLite library in use,
/// and the newest schema migration this build knows.
enum VersionReport {
    /// Concord's own version.
    static let concordVersion = "0.9.0"

    /// The three lines of the report.
    static var lines: [String] {
        let migrations = StoreSchema.migrator.migrations
        return [
            "concord \(concordVersion)",
            "SQLite \(String(cString: sqlite3_libversion()))",
            "schema \(migrations.last ?? "none") (\(migrations.count) migrations)",
        ]
    }

    /// `true` when the command line asks for the version alone (store options may come with it).
    static func isRequested(by arguments: [String]) -> Bool {
        let rest = GlobalArguments.splitLeadingStoreOptions(arguments).rest
        return rest == ["--version"] || rest == ["-V"]
    }
}
