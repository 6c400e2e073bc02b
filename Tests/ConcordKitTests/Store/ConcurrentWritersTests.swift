import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Several processes writing one knowledge base at once: every write lands, and no
/// "database is locked" reaches the user (writers wait up to the 5-second busy timeout).
@Suite struct ConcurrentWritersTests {
    /// Commands of writer `name`: adds, notes and tags, `count` in all.
    static func script(_ name: String, count: Int) -> [String] {
        (0..<count).map { index in
            switch index % 3 {
            case 0: return "add person \"\(name) Person \(index)\""
            case 1: return "note 002:1 \"\(name) note \(index)\""
            default: return "tag 002:1 \(name.lowercased())-\(index)"
            }
        }
    }

    /// How many of `script`'s writes the knowledge base at `path` holds.
    static func writesPresent(of name: String, count: Int, in path: String) throws -> Int {
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "check")
        defer { try? knowledgeBase.close() }
        return try knowledgeBase.read { db in
            var found = 0
            for index in 0..<count {
                let sql: String
                let value: String
                switch index % 3 {
                case 0: (sql, value) = ("SELECT count(*) FROM entities WHERE name = ?", "\(name) Person \(index)")
                case 1: (sql, value) = ("SELECT count(*) FROM annotations WHERE annotation_kind = 'note' AND body = ?", "\(name) note \(index)")
                default: (sql, value) = ("SELECT count(*) FROM annotations WHERE annotation_kind = 'tag' AND body = ?", "\(name.lowercased())-\(index)")
                }
                found += try Int.fetchOne(db, sql: sql, arguments: [value]) == 1 ? 1 : 0
            }
            return found
        }
    }

    static func mentionsLocking(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("locked") || lowered.contains("busy")
    }

    @Test func twoRunWritersAtOnceLoseNothingAndNeverSeeALock() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let writers = ["Ana", "Bo"]
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: writers.count) { index in
            let name = writers[index]
            do {
                results.add(name, try ConcordProcess.run(["run"] + Self.script(name, count: 50) + ["--db", path, "--author", name]))
            } catch {
                results.add(name, ConcordProcess.Result(status: -1, output: "", errors: "\(error)"))
            }
        }
        for name in writers {
            let result = try #require(results.all[name])
            #expect(result.status == 0, "\(name): \(result.errors)")
            #expect(!Self.mentionsLocking(result.errors + result.output), "\(name): \(result.errors)")
            #expect(try Self.writesPresent(of: name, count: 50, in: path) == 50)
        }
    }

    @Test func aPromptSessionWritesWhileSyncRunsAgainAndAgain() throws {
        // Another replica has put a file in the shared folder, so each sync has something to import and to write.
        let folder = try TestKnowledgeBase.temporaryDirectory() + "/shared"
        let path = try TestKnowledgeBase.seededCopyPath()
        let other = try SyncFileFixtures.replica(author: "Other")
        let local = try KnowledgeBase.open(path: path, author: "Repl")
        try SyncFileFixtures.trustEachOther(other, local)
        try local.close()
        let otherPerson = try SyncFileFixtures.addPerson("Sent Through The Folder", to: other)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: other)

        let finished = Flag()
        let syncs = Results()
        let syncThread = Thread {
            var run = 0
            repeat {
                run += 1
                let result = (try? ConcordProcess.run(["sync", folder, "--db", path, "--author", "Syncer"]))
                    ?? ConcordProcess.Result(status: -1, output: "", errors: "could not start")
                syncs.add("sync \(run)", result)
            // At least two runs whatever the machine's speed: one may have started before the session wrote.
            } while !finished.isSet || run < 2
            finished.threadDone()
        }
        syncThread.start()
        let script = Self.script("Repl", count: 60).joined(separator: "\n") + "\n"
        let session = try ConcordProcess.run(["repl", "--db", path, "--author", "Repl"], input: script)
        finished.set()
        finished.waitForThread()

        #expect(session.status == 0, "\(session.errors)")
        #expect(!Self.mentionsLocking(session.errors + session.output), "\(session.errors)")
        for (run, result) in syncs.all.sorted(by: { $0.key < $1.key }) {
            #expect(result.status == 0, "\(run): \(result.errors)")
            #expect(!Self.mentionsLocking(result.errors + result.output), "\(run): \(result.errors)")
        }
        #expect(try Self.writesPresent(of: "Repl", count: 60, in: path) == 60)
        let check = try KnowledgeBase.open(path: path, author: "check")
        defer { try? check.close() }
        #expect(try SyncFileFixtures.name(of: otherPerson, in: check) == "Sent Through The Folder")
        print("sync ran \(syncs.all.count) times while the session made 60 writes")
    }

    /// Outcomes collected from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [String: ConcordProcess.Result] = [:]
        func add(_ name: String, _ result: ConcordProcess.Result) { lock.lock(); results[name] = result; lock.unlock() }
        var all: [String: ConcordProcess.Result] { lock.lock(); defer { lock.unlock() }; return results }
    }

    /// "Stop now" for the sync loop, and "it stopped" back.
    final class Flag: @unchecked Sendable {
        private let condition = NSCondition()
        private var stop = false
        private var done = false
        var isSet: Bool { condition.lock(); defer { condition.unlock() }; return stop }
        func set() { condition.lock(); stop = true; condition.unlock() }
        func threadDone() { condition.lock(); done = true; condition.broadcast(); condition.unlock() }
        func waitForThread() { condition.lock(); while !done { condition.wait() }; condition.unlock() }
    }
}
