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
        let origin = seedsDirectory ?? "the built-in seed documents"
        progress("Creating a new knowledge base at \(databasePath) from \(seeds.count) documents (\(origin))…")
        for warning in seeds.compactMap(\.warning) { progress("warning: \(warning)") }
        // Build under a temporary name and rename at the end, so an interrupted build
        // never leaves a half-seeded knowledge base behind.
        let temporaryPath = databasePath + ".creating-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            let building = try KnowledgeBase.open(path: temporaryPath, author: author)
            let ingestor = Ingestor()
            for (index, seed) in seeds.enumerated() {
                let outcome = try ingestor.ingest(text: seed.text, sourceName: seed.name, into: building)
                progress("  [\(index + 1)/\(seeds.count)] \(seed.name): \(outcome.paragraphCount) paragraphs, \(outcome.entityCount) entities")
            }
            // The seed build is the shared baseline of every replica built from these seeds, not a change to sync.
            try SyncBaseline.adopt(building)
            try building.close()
            if !fileManager.fileExists(atPath: databasePath) {
                try fileManager.moveItem(atPath: temporaryPath, toPath: databasePath)
                // The moved file keeps its inode and so its replica id: its signing key goes with it.
                let temporaryKey = ReplicaKeyFile.path(forDatabase: temporaryPath)
                let key = ReplicaKeyFile.path(forDatabase: databasePath)
                if fileManager.fileExists(atPath: temporaryKey) && !fileManager.fileExists(atPath: key) {
                    try? fileManager.moveItem(atPath: temporaryKey, toPath: key)
                }
            }
        } catch {
            Self.removeDatabaseFiles(at: temporaryPath)
            throw error
        }
        Self.removeDatabaseFiles(at: temporaryPath)
        return try KnowledgeBase.open(path: databasePath, author: author)
    }

    private static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
