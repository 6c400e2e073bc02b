import ArgumentParser

/// The commands the REPL knows, for help, suggestions and completion.
public enum CommandCatalog {
    /// Every subcommand of ``ConcordCommand`` that makes sense at the prompt.
    public static var commands: [ParsableCommand.Type] {
        ConcordCommand.configuration.subcommands.filter { $0 != ReplCommand.self }
    }

    /// The commands that run at the prompt, for `help` (``commands`` without `run`).
    public static var promptCommands: [ParsableCommand.Type] {
        commands.filter { $0 != RunCommand.self }
    }

    /// Command names, including the REPL's own `help` and `quit`.
    public static var names: [String] {
        commands.map { $0._commandName } + ["help", "quit", "exit"]
    }

    /// Commands whose query is the rest of the prompt line exactly as typed (quotes kept): `sql`.
    public static let rawTextCommands: Set<String> = ["sql"]

    /// The words of a prompt line: split like a shell does, except that for
    /// ``rawTextCommands`` the text after the leading options is one word, as typed
    /// (or unquoted, when the whole of it is one quoted word), passed after `--`.
    public static func words(in line: String) throws -> [String] {
        let trimmed = line.drop { $0.isWhitespace }
        let name = String(trimmed.prefix { !$0.isWhitespace })
        guard rawTextCommands.contains(name) else { return try CommandLineTokenizer.tokenize(line) }
        var rest = trimmed.dropFirst(name.count).drop { $0.isWhitespace }
        var words = [name]
        var expectsValue = false
        while let word = rest.split(whereSeparator: \.isWhitespace).first,
              expectsValue || (word.hasPrefix("-") && word.dropFirst().drop { $0 == "-" }.first?.isLetter == true) {
            words.append(String(word))
            expectsValue = !expectsValue && !word.contains("=")
                && CommandShape.named(name)?.option(named: String(word))?.takesValue == true
            rest = rest.dropFirst(word.count).drop { $0.isWhitespace }
        }
        let text = String(rest).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return words }
        if let first = text.first, first == "\"" || first == "'", let only = try? CommandLineTokenizer.tokenize(text), only.count == 1 {
            return words + ["--", only[0]]
        }
        return words + ["--", text]
    }

    /// The known command closest to a mistyped `name`, if one is close enough.
    public static func closest(to name: String) -> String? {
        let scored = names.map { ($0, EditDistance.between($0, name)) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first, best.1 <= max(1, name.count / 3) else { return nil }
        return best.0
    }
}

/// Edit distance between two strings, by characters: insertions, deletions, substitutions
/// and transpositions of neighbours (`shwo` is one step from `show`), each costing one.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var beforePrevious: [Int] = []
        var previous = Array(0...right.count)
        for (i, l) in left.enumerated() {
            var current = [i + 1]
            for (j, r) in right.enumerated() {
                var cost = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (l == r ? 0 : 1))
                if i > 0, j > 0, l == right[j - 1], left[i - 1] == r { cost = min(cost, beforePrevious[j - 1] + 1) }
                current.append(cost)
            }
            beforePrevious = previous
            previous = current
        }
        return previous[right.count]
    }
}
