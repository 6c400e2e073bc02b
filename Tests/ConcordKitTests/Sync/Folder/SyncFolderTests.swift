import Foundation
import Testing
@testable import ConcordKit

/// `sync DIR`: replicas meet in a shared folder, each writing only its own files.
@Suite struct SyncFolderTests {
    static func folder() throws -> String { try TestKnowledgeBase.temporaryDirectory() + "/shared" }

    @Test func threeReplicasConvergeThroughAFolder() throws {
        let folder = try Self.folder()
        let replicas = try ["Ana", "Bo", "Cy"].map { try SyncFileFixtures.replica(author: $0) }
        try SyncFileFixtures.trustEachOther(replicas[0], replicas[1], replicas[2])
        for (index, replica) in replicas.enumerated() { try SyncFileFixtures.addPerson("Person \(index)", to: replica) }
        for _ in 0..<2 {
            for replica in replicas {
                let report = try SyncFolder().synchronize(folder: folder, knowledgeBase: replica)
                #expect(report.refusals.isEmpty)
            }
        }
        let digests = try replicas.map(SyncFileFixtures.digest)
        #expect(Set(digests).count == 1)
        #expect(try replicas.map(SyncFileFixtures.changeCount) == [3, 3, 3])
        // Each replica wrote only into its own folder.
        for replica in replicas {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/" + replica.replicaID)
            #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".concord") && !$0.hasPrefix(".tmp-") })
        }
    }

    @Test func aSecondRunSkipsWhatItImportedAndWritesNothing() throws {
        let folder = try Self.folder()
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        try SyncFileFixtures.addPerson("From Ana", to: ana)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: ana)
        let first = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(first.applied == 1 && first.written == nil)
        let second = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(second.imported.isEmpty && second.skipped == 1 && second.written == nil)
        let again = try SyncFolder().synchronize(folder: folder, knowledgeBase: ana)
        #expect(again.written == nil && again.imported.isEmpty)
    }

    @Test func suspiciousEntriesAreRefusedAndNothingOfThemApplies() throws {
        let folder = try Self.folder()
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        try SyncFileFixtures.addPerson("From Ana", to: ana)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: ana)
        let anaFile = try FileManager.default.contentsOfDirectory(atPath: folder + "/" + ana.replicaID)[0]
        let anaPath = folder + "/" + ana.replicaID + "/" + anaFile
        // Ana's file placed in someone else's folder, a link to it, and Bo's own id claimed.
        let stranger = folder + "/" + String(repeating: "c3", count: 16)
        try FileManager.default.createDirectory(atPath: stranger, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: anaPath, toPath: stranger + "/moved.concord")
        try FileManager.default.createSymbolicLink(atPath: stranger + "/link.concord", withDestinationPath: anaPath)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + String(repeating: "d4", count: 16), withDestinationPath: "/tmp")
        try Data("x".utf8).write(to: URL(fileURLWithPath: stranger + "/bad name.concord"))
        let report = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(report.imported.count == 1)
        #expect(report.refusals.count == 4)
        #expect(report.refusals.contains { $0.contains("moved.concord") && $0.contains("written by") })
        #expect(report.refusals.contains { $0.contains("link.concord") && $0.contains("symbolic link") })
        #expect(report.refusals.contains { $0.contains("d4d4") && $0.contains("symbolic link") })
        #expect(report.refusals.contains { $0.contains("bad name.concord") })
        #expect(try SyncFileFixtures.changeCount(bo) == 1)

        // A file in another folder that claims to come from Bo himself.
        let boFiles = folder + "/" + String(repeating: "e5", count: 16)
        try FileManager.default.createDirectory(atPath: boFiles, withIntermediateDirectories: true)
        try SyncFileFixtures.addPerson("From Bo", to: bo)
        let boExport = try SyncFileFixtures.export(bo)
        try FileManager.default.copyItem(atPath: boExport, toPath: boFiles + "/mine.concord")
        let claimed = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(claimed.refusals.contains { $0.contains("mine.concord") && $0.contains("this very replica") })
    }

    @Test func aTruncatedFileInTheFolderIsRefusedUntilItIsComplete() throws {
        let folder = try Self.folder()
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        try SyncFileFixtures.addPerson("From Ana", to: ana)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: ana)
        let path = folder + "/" + ana.replicaID + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder + "/" + ana.replicaID)[0])
        let complete = try Data(contentsOf: URL(fileURLWithPath: path))
        try complete.prefix(complete.count - 10).write(to: URL(fileURLWithPath: path))
        let partial = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(partial.refusals.count == 1 && partial.applied == 0)
        try complete.write(to: URL(fileURLWithPath: path))
        let later = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(later.refusals.isEmpty && later.applied == 1)
    }

    @Test func concurrentProcessesSyncingTheSameFolderConverge() throws {
        let folder = try Self.folder()
        var paths: [String] = []
        var replicas: [KnowledgeBase] = []
        for index in 0..<3 {
            let (replica, path) = try TestKnowledgeBase.seeded(author: "writer\(index)")
            for edit in 0..<2 { try SyncFileFixtures.addPerson("Writer \(index) person \(edit)", to: replica) }
            replicas.append(replica)
            paths.append(path)
        }
        try SyncFileFixtures.trustEachOther(replicas[0], replicas[1], replicas[2])
        for replica in replicas { try replica.close() }
        // Every replica syncs three times, all at once, in whatever interleaving the scheduler makes.
        let failures = Failures()
        let databases = paths
        DispatchQueue.concurrentPerform(iterations: paths.count * 3) { run in
            let path = databases[run % databases.count]
            do {
                let result = try ConcordProcess.run(["sync", folder, "--db", path])
                if result.status != 0 { failures.add("\(path): \(result.errors)") }
            } catch { failures.add("\(error)") }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        for path in paths { _ = try ConcordProcess.run(["sync", folder, "--db", path]) }
        var digests: Set<String> = []
        for path in paths {
            let knowledgeBase = try KnowledgeBase.open(path: path, author: "check")
            digests.insert(try SyncFileFixtures.digest(knowledgeBase))
            #expect(try SyncFileFixtures.changeCount(knowledgeBase) == 6)
        }
        #expect(digests.count == 1)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        func add(_ message: String) { lock.lock(); messages.append(message); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return messages }
    }
}
