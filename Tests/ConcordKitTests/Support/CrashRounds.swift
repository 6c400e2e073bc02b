import Foundation
import Testing

/// Kills a `concord` command with SIGKILL at seeded random moments and checks, after each
/// kill, that it left the database exactly before or exactly after the command (no
/// rollback journal left behind), and now and then that running it again completes.
///
/// Shared by the import and ingest crash-safety tests; each supplies how to read the
/// state it cares about.
struct CrashRounds<State: Equatable> {
    /// The command's arguments, without `--db`.
    var arguments: [String]
    /// A database to copy before each round, in the state before the command.
    var pristine: String
    var before: State
    var after: State
    /// How long the command takes uninterrupted, in seconds.
    var duration: Double
    /// Fraction of `duration` before which most kills land (the last three land around and after it).
    var inside: Double
    var rounds: Int
    var seed: UInt64
    /// Reads the state of the database at a path.
    var snapshot: (String) throws -> State

    /// Runs every round and returns how many ended each way ("finished", "killed after commit", "killed before commit").
    func run() throws -> [String: Int] {
        var generator = SeededGenerator(seed: seed)
        var outcomes: [String: Int] = [:]
        for round in 0..<rounds {
            let span = round < rounds - 3 ? 0...(duration * inside) : (duration * inside)...(duration * 1.3)
            let delay = Double.random(in: span, using: &generator)
            let path = try TestKnowledgeBase.temporaryDirectory() + "/killed.db"
            try FileManager.default.copyItem(atPath: pristine, toPath: path)
            let process = try SpawnedProcess.start(arguments + ["--db", path])
            usleep(useconds_t(delay * 1_000_000))
            process.kill()
            let exitedByItself = process.wait()
            #expect(!FileManager.default.fileExists(atPath: path + "-journal"), "round \(round): a rollback journal was left")
            let state = try snapshot(path)
            #expect(state == before || state == after, "round \(round), killed after \(delay) s: \(state)")
            let label = exitedByItself ? "finished" : state == after ? "killed after commit" : "killed before commit"
            outcomes[label, default: 0] += 1
            // Running it again completes (and, for an import, converges with the exporter).
            if round % 5 == 4 || round == rounds - 1 {
                let retry = try ConcordProcess.run(arguments + ["--db", path])
                #expect(retry.status == 0, "round \(round): \(retry.errors)")
                #expect(try snapshot(path) == after, "round \(round): running it again did not complete it")
            }
        }
        return outcomes
    }

    /// "2 finished, 14 killed before commit": the outcomes for a printed summary.
    static func summary(_ outcomes: [String: Int]) -> String {
        outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
