import ArgumentParser

/// `help` and `help CMD` at the prompt: the list of commands, or one command's usage.
struct HelpPrinter {
    let console: Console

    func printHelp(for words: [String]) throws {
        guard let name = words.first else {
            console.line("Commands (help CMD for details):")
            let rows = CommandCatalog.commands.map { ["  " + $0._commandName, $0.configuration.abstract] }
                + [["  help", "List commands, or show one command's usage."], ["  quit", "Leave Concord (Ctrl-D too)."]]
            for line in TextTable(rows: rows).lines(width: console.width) { console.line(line) }
            return
        }
        guard let command = CommandCatalog.commands.first(where: { $0._commandName == name }) else {
            throw CommandError.unknownCommand(name, suggestion: CommandCatalog.closest(to: name))
        }
        console.line(ConcordCommand.helpMessage(for: command, columns: console.width))
    }
}
