import Foundation
import GRDB
@testable import ConcordKit

/// Makes knowledge bases for tests, each in its own temporary folder.
///
/// The seeded one is built once per test process (ingest and extraction of the
/// five seeds) and copied for each test, so tests stay fast and independent.
enum TestKnowledgeBase {
    /// A fresh temporary folder, removed by the system's tmp cleaning.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "concord-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// An empty, migrated knowledge base in a temporary folder.
    static func empty(author: String = "tester") throws -> KnowledgeBase {
        try KnowledgeBase.open(path: try temporaryDirectory() + "/concord.db", author: author)
    }

    /// A copy of the knowledge base built from the five seed documents; returns its path too.
    static func seeded(author: String = "tester") throws -> (knowledgeBase: KnowledgeBase, path: String) {
        let path = try seededCopyPath()
        return (try KnowledgeBase.open(path: path, author: author), path)
    }

    /// A path to a fresh copy of the seeded template database file (not opened).
    static func seededCopyPath() throws -> String {
        let template = try SeededTemplate.shared.path()
        let path = try temporaryDirectory() + "/concord.db"
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return path
    }

    /// The repository's top-level folder (for seeds/, sync/ and ../shared/).
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }
}

/// Builds the seeded template once, under a lock, for the whole test process.
final class SeededTemplate: @unchecked Sendable {
    static let shared = SeededTemplate()
    private let lock = NSLock()
    private var built: String?

    func path() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let path = try TestKnowledgeBase.temporaryDirectory() + "/seeded-template.db"
        let knowledgeBase = try KnowledgeBaseLoader(databasePath: path, author: "seed").open()
        try knowledgeBase.close()
        built = path
        return path
    }
}
