import Foundation

/// Opens the knowledge base a command asks for, creating it from the seed
/// documents when the file does not exist yet (and saying so on standard error).
public struct KnowledgeBaseLoader: Sendable {
    public var databasePath: String
    public var author: String
    /// A folder of `.txt` files to build a new knowledge base from; `nil` for the embedded seeds.
    public var seedsDirectory: String?

    public init(databasePath: String, author: String, seedsDirectory: String? = nil) {
        self.databasePath = databasePath
        self.author = author
        self.seedsDirectory = seedsDirectory
    }

    /// Opens the knowledge base, building it first if needed; `progress` receives one line per step.
    ///
    /// Creation is safe against a concurrent creator: builders take an exclusive lock
    /// (`<db>.creating.lock`), the first builds under a temporary name and moves the key file, then the
    /// database, into place; the others wait, find the database there, and open it. So a new database
    /// ends with one key and one replica, and no builder's temporary files stay behind.
    public func open(progress: (String) -> Void = { _ in }) throws -> KnowledgeBase {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: databasePath) {
            return try KnowledgeBase.open(path: databasePath, author: author)
        }
        let folder = (databasePath as NSString).deletingLastPathComponent
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateDirectory(path: folder, reason: error.localizedDescription)
        }
        // Read the seeds before creating anything, so a bad --seeds leaves no half-made file.
        let seeds = try seedsDirectory.map { try SeedCorpus.files(in: $0) } ?? SeedCorpus.files
        try CreationLock.holding(databasePath) {
            guard !fileManager.fileExists(atPath: databasePath) else { return }
            let keyPath = ReplicaKeyFile.path(forDatabase: databasePath)
            guard !fileManager.fileExists(atPath: keyPath) else { throw StoreError.keyWithoutDatabase(path: keyPath) }
            try build(seeds: seeds, progress: progress)
        }
        return try KnowledgeBase.open(path: databasePath, author: author)
    }

    /// Builds the knowledge base under a temporary name, then moves its key file and the database into place.
    private func build(seeds: [SeedCorpus.File], progress: (String) -> Void) throws {
        let origin = seedsDirectory ?? "the built-in seed documents"
        progress("Creating a new knowledge base at \(databasePath) from \(seeds.count) documents (\(origin))…")
        for warning in seeds.compactMap(\.warning) { progress("warning: \(warning)") }
        // An interrupted build never leaves a half-seeded knowledge base behind.
        let temporaryPath = databasePath + ".creating-\(ProcessInfo.processInfo.processIdentifier)"
        defer { Self.removeDatabaseFiles(at: temporaryPath) }
        let building = try KnowledgeBase.open(path: temporaryPath, author: author)
        let ingestor = Ingestor()
        for (index, seed) in seeds.enumerated() {
            let outcome = try ingestor.ingest(text: seed.text, sourceName: seed.name, into: building)
            progress("  [\(index + 1)/\(seeds.count)] \(seed.name): \(outcome.paragraphCount) paragraphs, \(outcome.entityCount) entities")
        }
        // The seed build is the shared baseline of every replica built from these seeds, not a change to sync.
        try SyncBaseline.adopt(building)
        try building.close()
        // The key first: whoever sees the database finds its key beside it. Renames keep the file's
        // inode, so the database keeps the replica id its key is bound to.
        guard rename(ReplicaKeyFile.path(forDatabase: temporaryPath), ReplicaKeyFile.path(forDatabase: databasePath)) == 0,
              rename(temporaryPath, databasePath) == 0 else {
            throw StoreError.cannotCreate(path: databasePath, reason: String(cString: strerror(errno)))
        }
    }

    private static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
