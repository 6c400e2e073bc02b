/// Lets the store options (`--db`, `--author`, `--seeds`) come before the subcommand,
/// as `git -C`, `docker --host` and `kubectl --context` do: `concord --db kb.db stats`
/// is read as `concord stats --db kb.db`.
///
/// argument-parser gives options before a subcommand name to the root command (here,
/// to the default `repl`), so the leading store options are moved behind the
/// subcommand's own arguments (before a `--`, if there is one).
enum GlobalArguments {
    /// The store options, each of which takes a value.
    static let storeOptions: Set<String> = ["--db", "--author", "--seeds"]

    /// The arguments with leading store options moved after the subcommand, when one follows them.
    static func normalized(_ arguments: [String]) -> [String] {
        let (leading, rest) = splitLeadingStoreOptions(arguments)
        guard !leading.isEmpty, let name = rest.first else { return arguments }
        // argument-parser's own `help CMD` takes no options and opens no knowledge base.
        if name == "help" { return rest }
        guard subcommandNames.contains(name) else { return arguments }
        var reordered = rest
        reordered.insert(contentsOf: leading, at: reordered.firstIndex(of: "--") ?? reordered.endIndex)
        return reordered
    }

    /// The store options at the start of `arguments` (with their values), and what follows them.
    static func splitLeadingStoreOptions(_ arguments: [String]) -> (options: [String], rest: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if storeOptions.contains(argument), index + 1 < arguments.count {
                index += 2
            } else if storeOptions.contains(where: { argument.hasPrefix($0 + "=") }) {
                index += 1
            } else {
                break
            }
        }
        return (Array(arguments[..<index]), Array(arguments[index...]))
    }

    /// The names of Concord's subcommands.
    static var subcommandNames: Set<String> {
        Set(ConcordCommand.configuration.subcommands.map { $0._commandName })
    }
}
