import Foundation
@testable import ConcordKit

/// Runs of the real `concord` binary that ``ConcordProcess`` does not offer: with bytes on standard
/// input, several at once, and system tools (mount) for the accident tests.
enum ConcordRuns {
    /// Runs `concord arguments…` with `input` on standard input.
    static func run(_ arguments: [String], input: Data) throws -> ConcordProcess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let finished = try ChildProcess.run([ConcordProcess.executable] + arguments, input: input, environment: environment)
        return .init(
            status: finished.status, output: String(decoding: finished.output, as: UTF8.self),
            errors: String(decoding: finished.errors, as: UTF8.self))
    }

    /// Runs each of `runs` at the same time (one thread each); results in the same order.
    static func concurrently(_ runs: [[String]]) -> [ConcordProcess.Result] {
        let results = Results(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            results.set(index, (try? ConcordProcess.run(runs[index])) ?? .init(status: -1, output: "", errors: "did not start"))
        }
        return results.all
    }

    /// Runs a system tool, returning its exit status (-1 if it could not be started).
    @discardableResult
    static func tool(_ arguments: [String]) -> Int32 {
        (try? ChildProcess.run(arguments))?.status ?? -1
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [ConcordProcess.Result?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: ConcordProcess.Result) { lock.lock(); values[index] = value; lock.unlock() }
        var all: [ConcordProcess.Result] { lock.lock(); defer { lock.unlock() }; return values.map { $0! } }
    }
}
