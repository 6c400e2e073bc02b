import ArgumentParser
import Foundation

/// What a command accepts, as completion needs it: its options (and whether each
/// takes a value) and the value names of its positional arguments, in order.
///
/// Read from the command's own declaration through argument-parser's
/// `--experimental-dump-help` description, so new commands complete without
/// being registered anywhere else.
struct CommandShape: Sendable {
    /// An option or flag, e.g. `--kind` (takes a value) or `--json` (does not).
    struct Option: Sendable {
        var names: [String]
        var takesValue: Bool
        var valueName: String
        /// The values it accepts when they are a fixed list (`--format`), else empty.
        var values: [String] = []
    }

    /// A positional argument's value name (`entity`, `predicate`…) and whether it repeats.
    struct Positional: Sendable {
        var valueName: String
        var isRepeating: Bool
    }

    var options: [Option]
    var positionals: [Positional]

    /// The option called `name` (`--kind` or `-k`), if the command has one.
    func option(named name: String) -> Option? {
        options.first { $0.names.contains(name) }
    }

    /// The positional argument that the `index`-th positional word fills.
    func positional(at index: Int) -> Positional? {
        if index < positionals.count { return positionals[index] }
        if let last = positionals.last, last.isRepeating { return last }
        return nil
    }

    /// The shape of the command called `name`, or nil if there is none.
    static func named(_ name: String) -> CommandShape? {
        cache.shape(for: name)
    }

    private static let cache = ShapeCache()

    /// Reads a shape from argument-parser's JSON description of a command.
    static func parse(dumpedHelp: String) -> CommandShape? {
        guard
            let object = try? JSONSerialization.jsonObject(with: Data(dumpedHelp.utf8)) as? [String: Any],
            let command = object["command"] as? [String: Any]
        else { return nil }
        var options: [Option] = []
        var positionals: [Positional] = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            let kind = argument["kind"] as? String ?? ""
            let valueName = argument["valueName"] as? String ?? ""
            if kind == "positional" {
                positionals.append(Positional(valueName: valueName, isRepeating: argument["isRepeating"] as? Bool ?? false))
                continue
            }
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { name -> String? in
                guard let text = name["name"] as? String else { return nil }
                return (name["kind"] as? String == "short" ? "-" : "--") + text
            }
            let values = argument["allValueStrings"] as? [String] ?? argument["allValues"] as? [String] ?? []
            options.append(Option(names: names, takesValue: kind == "option", valueName: valueName, values: values))
        }
        return CommandShape(options: options, positionals: positionals)
    }
}

/// Shapes already read, by command name (reading one parses the command tree).
private final class ShapeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var shapes: [String: CommandShape?] = [:]

    func shape(for name: String) -> CommandShape? {
        lock.lock()
        defer { lock.unlock() }
        if let known = shapes[name] { return known }
        var shape: CommandShape?
        if CommandCatalog.commands.contains(where: { $0._commandName == name }) {
            do {
                _ = try ConcordCommand.parseAsRoot([name, "--experimental-dump-help"])
            } catch {
                shape = CommandShape.parse(dumpedHelp: ConcordCommand.fullMessage(for: error))
            }
        }
        shapes[name] = shape
        return shape
    }
}
