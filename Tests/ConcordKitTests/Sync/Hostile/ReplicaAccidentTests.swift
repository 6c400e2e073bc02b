import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// A replica survives its own accidents: concurrent creation, a lost or foreign key file, an empty
/// file, read-only media, a FIFO or pipe as import source, a full disk.
@Suite struct ReplicaAccidentTests {
    static let isRoot = getuid() == 0

    /// Whether this machine lets the tests mount a small tmpfs (root in a container that allows it).
    static let canMount: Bool = {
        guard isRoot, let folder = try? TestKnowledgeBase.temporaryDirectory() else { return false }
        defer { run("umount", [folder]) }
        return run("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder]) == 0
    }()

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Int32 { ConcordRuns.tool([tool] + arguments) }

    @Test func concurrentCreatorsMakeOneReplicaWithOneKey() throws {
        let seeds = try TestKnowledgeBase.temporaryDirectory()
        try "Committee on Migrant Workers\n1. The Committee met.\n".write(toFile: seeds + "/a.txt", atomically: true, encoding: .utf8)
        for _ in 0..<50 {
            let folder = try TestKnowledgeBase.temporaryDirectory()
            let database = folder + "/concord.db"
            let results = ConcordRuns.concurrently(Array(repeating: ["key", "--json", "--db", database, "--seeds", seeds], count: 2))
            #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.errors))")
            #expect(Set(results.map(\.output)).count == 1, "two keys: \(results.map(\.output))")
            let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(left == ["concord.db", "concord.db.key"] || left == ["concord.db", "concord.db-shm", "concord.db-wal", "concord.db.key"], "\(left)")
        }
    }

    @Test func aMissingKeyFileIsRefusedAndKeyResetRecovers() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "a")
        let replicaID = knowledgeBase.replicaID
        try knowledgeBase.close()
        try FileManager.default.removeItem(atPath: path + ".key")
        #expect(throws: TrustError.missingKeyFile(path: path + ".key", replica: replicaID)) { try KnowledgeBase.open(path: path, author: "a") }
        #expect(!FileManager.default.fileExists(atPath: path + ".key"))
        let stats = try ConcordProcess.run(["stats", "--db", path])
        #expect(stats.status == 1 && stats.errors.contains("key --reset"), "\(stats.errors)")
        let reset = try ConcordProcess.run(["key", "--reset", "--db", path])
        #expect(reset.status == 0, "\(reset.errors)")
        let reopened = try KnowledgeBase.open(path: path, author: "a")
        #expect(reopened.replicaID != replicaID && reopened.replicaID == ReplicaKeyBinding.derivedReplicaID(for: reopened.signingKey.publicKey))
    }

    @Test func aForeignKeyFileIsRefusedNotOverwritten() throws {
        let path = try TestKnowledgeBase.seededCopyPath(), other = try TestKnowledgeBase.seededCopyPath()
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "a"), otherBase = try KnowledgeBase.open(path: other, author: "b")
        let replicaID = knowledgeBase.replicaID
        try knowledgeBase.close()
        try otherBase.close()
        try FileManager.default.removeItem(atPath: path + ".key")
        try FileManager.default.copyItem(atPath: other + ".key", toPath: path + ".key")
        let foreign = try Data(contentsOf: URL(fileURLWithPath: path + ".key"))
        #expect(throws: TrustError.foreignKeyFile(path: path + ".key", holds: otherBase.replicaID, replica: replicaID)) {
            try KnowledgeBase.open(path: path, author: "a")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".key")) == foreign)
    }

    @Test func anEmptyFileIsRefused() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/concord.db"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: StoreError.emptyFile(path: path)) { try KnowledgeBase.open(path: path, author: "a") }
        let result = try ConcordProcess.run(["stats", "--db", path])
        #expect(result.status == 1 && result.errors.contains("empty file"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber == 0)
    }

    @Test(.enabled(if: !isRoot || canMount, "root ignores file modes, and this machine cannot mount a read-only tmpfs"))
    func aKnowledgeBaseOnReadOnlyMediaReadsAndRefusesWrites() throws {
        let (folder, path) = try Self.isRoot ? Self.mountedCopy() : Self.readOnlyFolderCopy()
        defer { Self.release(folder) }
        let stats = try ConcordProcess.run(["stats", "--db", path])
        #expect(stats.status == 0, "\(stats.errors)")
        let find = try ConcordProcess.run(["find", "Committee", "--db", path])
        #expect(find.status == 0 && !find.output.isEmpty, "\(find.errors)")
        let add = try ConcordProcess.run(["add", "person", "Read Only", "--db", path])
        #expect(add.status == 1 && add.errors.contains("read-only"), "\(add.errors)")
        #expect(add.errors.split(separator: "\n").count == 1)
    }

    /// A seeded copy in a folder, then the folder (or, as root, the tmpfs holding it) made read-only.
    static func mountedCopy() throws -> (String, String) {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        #expect(run("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", folder]) == 0)
        let path = folder + "/concord.db"
        try FileManager.default.copyItem(atPath: try TestKnowledgeBase.seededCopyPath(), toPath: path)
        try KnowledgeBase.open(path: path, author: "a").close()
        #expect(run("mount", ["-o", "remount,ro", folder]) == 0)
        return (folder, path)
    }

    static func readOnlyFolderCopy() throws -> (String, String) {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let path = folder + "/concord.db"
        try FileManager.default.copyItem(atPath: try TestKnowledgeBase.seededCopyPath(), toPath: path)
        try KnowledgeBase.open(path: path, author: "a").close()
        chmod(path, 0o444)
        chmod(folder, 0o555)
        return (folder, path)
    }

    static func release(_ folder: String) {
        if isRoot { run("umount", [folder]) } else { chmod(folder, 0o755) }
    }

    @Test func importReadsStandardInputAndAFIFO() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let id = try SyncFileFixtures.addPerson("Piped Person", to: ana)
        let file = try SyncFileFixtures.export(ana)
        let path = try TestKnowledgeBase.seededCopyPath()
        let trust = try ConcordProcess.run(["trust", "add", "Ana", PublicKeyText.hex(ana.signingKey.publicKey), "--db", path])
        #expect(trust.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let piped = try ConcordRuns.run(["import", "-", "--db", path], input: bytes)
        #expect(piped.status == 0 && piped.output.contains("1 new change applied"), "\(piped.errors)")
        let fifo = try TestKnowledgeBase.temporaryDirectory() + "/changes.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer opens the FIFO while import runs (opening blocks until both ends are open).
        let writing = Thread {
            let writer = FileHandle(forWritingAtPath: fifo)
            try? writer?.write(contentsOf: bytes)
            try? writer?.close()
        }
        writing.start()
        let result = try ConcordProcess.run(["import", fifo, "--db", path])
        #expect(result.status == 0 && result.output.contains("1 already present"), "\(result.errors)")
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "b")
        #expect(try SyncFileFixtures.name(of: id, in: knowledgeBase) == "Piped Person")
    }

    @Test(.enabled(if: canMount, "needs root and a mountable tmpfs to fill a disk"))
    func aFullDiskLeavesAUsableKnowledgeBaseAndOneClearLine() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let template = try TestKnowledgeBase.seededCopyPath()
        let size = (try FileManager.default.attributesOfItem(atPath: template)[.size] as? NSNumber)?.intValue ?? 0
        #expect(Self.run("mount", ["-t", "tmpfs", "-o", "size=\((size * 5 / 4) / 1024 + 256)k", "tmpfs", folder]) == 0)
        defer { Self.run("umount", [folder]) }
        let path = folder + "/concord.db"
        try FileManager.default.copyItem(atPath: template, toPath: path)
        try KnowledgeBase.open(path: path, author: "a").close()
        let digest = try ConcordProcess.run(["hash", "--db", path]).output
        // A document far larger than the room left.
        let big = try TestKnowledgeBase.temporaryDirectory() + "/big.txt"
        let paragraph = (1...40).map { "Mr. Person\($0) of the Office of the High Commissioner spoke." }.joined(separator: " ")
        try (0..<3000).map { "\($0 + 1). \(paragraph)" }.joined(separator: "\n\n").write(toFile: big, atomically: true, encoding: .utf8)
        let ingest = try ConcordProcess.run(["ingest", big, "--db", path])
        #expect(ingest.status != 0)
        #expect(ingest.errors.contains("disk is full") && ingest.errors.split(separator: "\n").count == 1, "\(ingest.errors)")
        // Usable again at once for reading, and the same content.
        let after = try ConcordProcess.run(["hash", "--db", path])
        #expect(after.status == 0 && after.output == digest, "\(after.errors)")
        let stats = try ConcordProcess.run(["stats", "--db", path])
        #expect(stats.status == 0, "\(stats.errors)")
    }
}
