import ArgumentParser

/// The commands the REPL knows, for help, suggestions and completion.
public enum CommandCatalog {
    /// Every subcommand of ``ConcordCommand`` that makes sense at the prompt.
    public static var commands: [ParsableCommand.Type] {
        ConcordCommand.configuration.subcommands.filter { $0 != ReplCommand.self }
    }

    /// Command names, including the REPL's own `help` and `quit`.
    public static var names: [String] {
        commands.map { $0._commandName } + ["help", "quit", "exit"]
    }

    /// The known command closest to a mistyped `name`, if one is close enough.
    public static func closest(to name: String) -> String? {
        let scored = names.map { ($0, EditDistance.between($0, name)) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first, best.1 <= max(1, name.count / 3) else { return nil }
        return best.0
    }
}

/// Levenshtein distance between two strings, by characters.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        for (i, l) in left.enumerated() {
            var current = [i + 1]
            for (j, r) in right.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (l == r ? 0 : 1)))
            }
            previous = current
        }
        return previous[right.count]
    }
}
