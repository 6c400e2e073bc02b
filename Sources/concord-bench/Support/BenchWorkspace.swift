import Foundation

/// The directory where the benchmark keeps the inputs it generates (default `.bench/`
/// at the package root), cached by kind, seed and size so a second run reuses them.
struct BenchWorkspace {
    /// Why the workspace cannot be used.
    enum WorkspaceError: LocalizedError {
        case cannotCreate(path: String, reason: String)

        var errorDescription: String? {
            switch self {
            case let .cannotCreate(path, reason):
                return "cannot create the benchmark workspace \(path) (\(reason)); pass --workspace DIR with a writable directory"
            }
        }
    }

    let root: URL

    /// Opens (creating if needed) the workspace at `path`.
    init(path: String) throws {
        root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw WorkspaceError.cannotCreate(path: root.path, reason: error.localizedDescription)
        }
    }

    /// The cache path for an input: `<root>/<kind>-seed<seed>-<size>` plus `suffix`.
    func path(for kind: String, seed: UInt64, size: Int, suffix: String = "") -> URL {
        root.appendingPathComponent("\(kind)-seed\(seed)-\(size)\(suffix)")
    }

    /// A fresh, empty scratch directory (removed first if it exists).
    func scratch(_ name: String) throws -> URL {
        let url = root.appendingPathComponent("scratch-\(name)", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether a completed input exists (generators write a `.done` marker last).
    func isComplete(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path + ".done")
    }

    /// Marks `url` as complete, so later runs reuse it.
    func markComplete(_ url: URL) throws {
        try Data().write(to: URL(fileURLWithPath: url.path + ".done"))
    }

    /// Forgets `url` (and its marker) before regenerating it.
    func discard(_ url: URL) {
        try? FileManager.default.removeItem(atPath: url.path + ".done")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
    }
}
