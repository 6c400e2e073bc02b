import Foundation
import ConcordKit

/// Runs the real `concord` binary built next to the test bundle, for end-to-end tests.
struct ConcordProcess {
    /// What a finished run printed and how it exited.
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The built `concord` executable (SwiftPM puts it beside the test bundle).
    static var executable: String {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            bundle.appendingPathComponent("concord").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("concord").path,
            TestKnowledgeBase.repositoryRoot + "/.build/debug/concord",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }

    /// Runs `concord arguments…` with `input` on standard input; waits for it to exit.
    static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        directory: String? = nil
    ) throws -> Result {
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        // posix_spawn + waitpid rather than Foundation's Process: see ChildProcess for why.
        let finished = try ChildProcess.run(
            [executable] + arguments, input: Data((input ?? "").utf8), environment: merged, directory: directory)
        return Result(
            status: finished.status, output: String(decoding: finished.output, as: UTF8.self),
            errors: String(decoding: finished.errors, as: UTF8.self))
    }
}
