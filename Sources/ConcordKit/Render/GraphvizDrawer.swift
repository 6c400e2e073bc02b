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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(picture.rawValue)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Write on another thread so a large graph cannot deadlock on full pipes.
        let writer = input.fileHandleForWriting
        let data = Data(source.utf8)
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            writer.write(data)
            try? writer.close()
            group.leave()
        }
        nonisolated(unsafe) var errorText = Data()
        group.enter()
        DispatchQueue.global().async {
            errorText = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let picture = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorText, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw Failure.failed(message ?? "exit status \(process.terminationStatus)")
        }
        return picture
    }
}
