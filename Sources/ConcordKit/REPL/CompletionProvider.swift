import GRDB

/// Works out what Tab should offer at the cursor: command names, options and their
/// fixed values (`--format`), entity kinds, relation predicates, field names, document
/// labels, tags in use, and entity names and ids from the knowledge base.
///
/// A name completes from its beginning or from the beginning of any of its words, and
/// from any alias, ignoring case and accents (`Boter` → `"Mr. Botero Navarro"`); when the
/// entity argument takes several words, an unquoted name may be typed with its spaces
/// (`show Mr. Bot`).
///
/// It is pure apart from its read of the database: given the line up to the
/// cursor it returns the candidates, each the full text that replaces the word
/// being typed (quoted when a name has spaces), so it is tested without a terminal.
/// ``LineEditor`` hands its answers to libedit.
public struct CompletionProvider: Sendable {
    /// What Tab may put in place of the word being typed.
    public struct Completion: Equatable, Sendable {
        /// Where the replaced word begins, in Unicode scalars from the start of the line.
        public var start: Int
        /// Full replacements for the text between `start` and the cursor, best first.
        public var candidates: [String]
        /// `false` when a single candidate is not a whole word yet (an id's `kind:` prefix).
        public var endsWord: Bool
        /// How each candidate is listed when Tab is pressed again (`Benjamin Lewis (person)`);
        /// nil to list the candidates themselves.
        public var listed: [String]?

        public init(start: Int, candidates: [String], endsWord: Bool = true, listed: [String]? = nil) {
            self.start = start
            self.candidates = candidates
            self.endsWord = endsWord
            self.listed = listed
        }
    }

    /// What a word position holds, decided from the command's argument names.
    enum Slot: Equatable {
        case command, entity, kind, predicate, field, document, tag, nothing
        /// An option's fixed values (`--format json|csv|…`).
        case values([String])
    }

    let knowledgeBase: KnowledgeBase?
    let entityNames = EntityNameCompletion()

    /// A provider reading entity names from `knowledgeBase` (none: no entity completion).
    public init(knowledgeBase: KnowledgeBase?) {
        self.knowledgeBase = knowledgeBase
    }

    /// The completion for `line` with the cursor after `cursor` Unicode scalars.
    public func complete(line: String, cursor: Int) -> Completion {
        let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(cursor)))
        let partial = PartialCommandLine(prefix: prefix)
        let typed = partial.partial
        if typed.hasPrefix("-"), partial.quote == nil, let command = partial.words.first {
            let options = CommandShape.named(command)?.options.flatMap(\.names).filter { $0.hasPrefix("--") } ?? []
            return Completion(start: partial.partialStart, candidates: Self.matching(typed, in: options))
        }
        let candidates: [String]
        var endsWord = true
        var listed: [String]?
        switch slot(for: partial) {
        case .command:
            candidates = Self.matching(typed, in: Self.commandNames)
        case .kind:
            candidates = Self.matching(typed, in: EntityKind.allCases.map(\.rawValue))
        case .predicate:
            candidates = Self.matching(typed, in: RelationPredicate.allCases.map(\.rawValue))
        case .field:
            candidates = Self.matching(typed, in: ["name", "summary", "date", "place"])
        case .values(let values):
            candidates = Self.matching(typed, in: values)
        case .document:
            candidates = read { try entityNames.documentLabels(beginningWith: typed, in: $0) }
        case .tag:
            candidates = read { try entityNames.tags(beginningWith: typed, in: $0) }
        case .entity:
            if partial.quote == nil, let run = precedingEntityWords(of: partial) {
                return namesContinuing(run, partial: partial)
            }
            let (found, whole) = entities(beginningWith: typed)
            candidates = found.map { Self.quoted($0, quote: partial.quote) }
            endsWord = whole
            listed = found.count > 1 ? withKinds(found) : nil
        case .nothing:
            candidates = []
        }
        return Completion(start: partial.partialStart, candidates: candidates, endsWord: endsWord, listed: listed)
    }

    /// `body`'s answer from the knowledge base; none without one or on an error.
    func read(_ body: (Database) throws -> [String]) -> [String] {
        (try? knowledgeBase?.read(body)) ?? []
    }

    /// What the word being typed should be, from the command and the words before it.
    func slot(for partial: PartialCommandLine) -> Slot {
        guard let command = partial.words.first else { return .command }
        if command == "help" || command == "?" { return partial.words.count == 1 ? .command : .nothing }
        guard let shape = CommandShape.named(command) else { return .nothing }
        var positionalIndex = 0
        var index = 1
        while index < partial.words.count {
            let word = partial.words[index]
            if word.hasPrefix("-"), let option = shape.option(named: String(word.split(separator: "=")[0])) {
                if option.takesValue && !word.contains("=") { index += 1 }
                if index >= partial.words.count {
                    if !option.values.isEmpty { return .values(option.values) }
                    return Self.slot(forValueNamed: option.valueName, option: option.names)
                }
            } else if word.hasPrefix("-") {
                // An unknown option: skip it.
            } else {
                positionalIndex += 1
            }
            index += 1
        }
        if let last = partial.words.last, last.hasPrefix("-"), !last.contains("="),
           let option = shape.option(named: last), option.takesValue {
            if !option.values.isEmpty { return .values(option.values) }
            return Self.slot(forValueNamed: option.valueName, option: option.names)
        }
        guard let positional = shape.positional(at: positionalIndex) else { return .nothing }
        return Self.slot(forValueNamed: positional.valueName, option: [])
    }

    static func slot(forValueNamed valueName: String, option names: [String]) -> Slot {
        let name = valueName.lowercased()
        if names.contains("--kind") || name == "kind" || name == "kinds" { return .kind }
        if names.contains("--predicate") || name.hasPrefix("predicate") || name == "via" { return .predicate }
        if name == "command" || name == "subcommands" { return .command }
        if name == "field" { return .field }
        if names.contains("--tag") || (names.isEmpty && name == "tag") { return .tag }
        if names.isEmpty && name == "document" { return .document }
        let entityNames: Set<String> = [
            "entity", "entities", "subject", "object", "survivor", "duplicate", "target", "from", "to",
            "start", "end", "source", "destination", "first", "second", "a", "b", "center", "centre", "reference",
        ]
        if names.isEmpty && entityNames.contains(name) { return .entity }
        if !names.isEmpty && (name.contains("entity") || names.contains("--from") || names.contains("--to")) { return .entity }
        return .nothing
    }

    /// Command names the prompt accepts, sorted.
    static var commandNames: [String] {
        Array(Set(CommandCatalog.names)).sorted()
    }

    /// The `words` that begin with `typed`, ignoring case, sorted.
    static func matching(_ typed: String, in words: [String]) -> [String] {
        let lowered = typed.lowercased()
        return words.filter { $0.lowercased().hasPrefix(lowered) }.sorted()
    }

    /// `true` when `text` is not one bare word on a REPL line.
    static func needsQuotes(_ text: String) -> Bool {
        text.contains { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" } || text.hasPrefix("#")
    }

    /// `text` as one word on a REPL line: bare when it can be, else quoted with `quote`
    /// (the quote the user opened) or double quotes.
    static func quoted(_ text: String, quote: Character?) -> String {
        if quote == nil && !needsQuotes(text) { return text }
        if quote == "'" && !text.contains("'") { return "'" + text + "'" }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }
}
