import Foundation

/// Where the prompt's history is kept between sessions, and what goes into it.
///
/// The file is `$XDG_STATE_HOME/concord/history`, else
/// `~/.local/state/concord/history`; it is in libedit's own format, read and
/// written by ``LineEditor``.
public struct HistoryStore: Sendable {
    /// Lines kept; older ones are dropped.
    public static let capacity = 1000

    /// The history file's path.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The history file for `environment` (XDG base directory rules).
    public init(environment: [String: String]) {
        self.init(path: Self.directory(environment: environment) + "/history")
    }

    /// `$XDG_STATE_HOME/concord`, else `$HOME/.local/state/concord`.
    public static func directory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/concord"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/concord"
    }

    /// Makes the history file's folder (private to the user); `false` if that failed.
    @discardableResult
    public func prepareDirectory() -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return true
        } catch {
            return false
        }
    }

    /// The form of `line` worth remembering, or nil: trailing spaces (completion
    /// leaves one) are trimmed, and blank lines are not kept.
    public static func entry(for line: String) -> String? {
        var trimmed = line
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return trimmed.trimmingCharacters(in: .whitespaces).isEmpty ? nil : trimmed
    }
}
