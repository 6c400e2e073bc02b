import Foundation

/// Where the knowledge base lives: `--db PATH`, else `CONCORD_DB`, else
/// `$XDG_DATA_HOME/concord/concord.db` (falling back to `~/.local/share/concord/concord.db`).
public enum StoreLocation {
    public static func databasePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return absolute(option) }
        if let fromEnvironment = environment["CONCORD_DB"], !fromEnvironment.isEmpty { return absolute(fromEnvironment) }
        return dataDirectory(environment: environment) + "/concord/concord.db"
    }

    /// `$XDG_DATA_HOME`, or `~/.local/share`.
    public static func dataDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg }
        return home(environment) + "/.local/share"
    }

    /// `$XDG_STATE_HOME`, or `~/.local/state`.
    public static func stateDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg }
        return home(environment) + "/.local/state"
    }

    static func home(_ environment: [String: String]) -> String {
        environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return home(ProcessInfo.processInfo.environment) + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
