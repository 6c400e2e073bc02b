import ArgumentParser

/// `help` and `help CMD` at the prompt: the list of commands, or one command's usage
/// as it is typed at the prompt (without `concord`, `--db`, `--author`, `--seeds`).
struct HelpPrinter {
    let console: Console

    /// What `help help` says.
    static let helpSummary = "List commands, or show one command's usage: help CMD (CMD --help too)."

    func printHelp(for words: [String]) throws {
        guard let name = words.first else {
            console.line("Commands (help CMD for details):")
            let rows = CommandCatalog.promptCommands.map { ["  " + $0._commandName, $0.configuration.abstract] }
                + [["  help", Self.helpSummary], ["  quit", "Leave Concord (Ctrl-D too)."]]
            for line in TextTable(rows: rows).lines(width: console.width) { console.line(line) }
            return
        }
        switch name {
        case "help", "?":
            console.line("USAGE: help [<command>]\n\n" + Self.helpSummary)
            return
        case "quit", "exit":
            console.line("USAGE: quit\n\nLeave Concord (Ctrl-D on an empty line too); exit is the same.")
            return
        default:
            break
        }
        guard let command = CommandCatalog.promptCommands.first(where: { $0._commandName == name }) else {
            if name == "run" { throw CommandError.invalidArgument("run is for the command line; at the prompt, type the commands themselves") }
            throw CommandError.unknownCommand(name, suggestion: CommandCatalog.closest(to: name))
        }
        console.line(Self.promptUsage(ConcordCommand.helpMessage(for: command, columns: console.width)))
    }

    /// Store options the prompt refuses (its knowledge base is already open).
    static let storeOptionUsages = ["[--db <path>]", "[--author <name>]", "[--seeds <dir>]"]

    /// argument-parser's help for a subcommand, as it applies at the prompt: the usage line without
    /// `concord ` and the store options, and the store options' entries left out of OPTIONS.
    static func promptUsage(_ help: String) -> String {
        var kept: [String] = []
        var skippingEntry = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if ["  --db ", "  --author ", "  --seeds "].contains(where: { line.hasPrefix($0) }) {
                skippingEntry = true
                continue
            }
            // An option's help goes on in lines indented deeper than its name.
            if skippingEntry && line.hasPrefix("    ") { continue }
            skippingEntry = false
            kept.append(line)
        }
        var text = kept.joined(separator: "\n")
        for usage in storeOptionUsages { text = text.replacingOccurrences(of: " " + usage, with: "") }
        return text.replacingOccurrences(of: "USAGE: concord ", with: "USAGE: ")
    }
}
