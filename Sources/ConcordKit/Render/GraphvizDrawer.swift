import Foundation

/// Turns DOT text into a picture by running Graphviz's `dot` program, when installed.
public struct GraphvizDrawer: Sendable {
    /// Picture formats `dot` can make.
    public enum Picture: String, Sendable { case svg, png }

    /// Why a picture could not be made.
    public enum Failure: LocalizedError, Equatable {
        case notInstalled(Picture)
        case failed(String)

        public var errorDescription: String? {
            switch self {
            case let .notInstalled(picture):
                return "drawing \(picture.rawValue) needs Graphviz's dot program; install graphviz (apt-get install graphviz) or use --format dot"
            case let .failed(message):
                return "Graphviz's dot could not draw the graph: \(message)"
            }
        }
    }

    let searchPath: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// The `dot` executable on the search path, if any.
    public var executable: String? {
        searchPath.split(separator: ":").map { String($0) + "/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `dot -T<picture>` run on `source`.
    public func draw(_ source: String, as picture: Picture) throws -> Data {
        guard let executable else { throw Failure.notInstalled(picture) }
        let finished = try ChildProcess.run([executable, "-T\(picture.rawValue)"], input: Data(source.utf8))
        guard finished.status == 0 else {
            let message = String(decoding: finished.errors, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw Failure.failed(message ?? "exit status \(finished.status)")
        }
        let picture = finished.output
        return picture
    }
}
