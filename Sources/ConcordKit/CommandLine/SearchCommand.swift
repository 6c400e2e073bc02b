import ArgumentParser

/// `search TEXT`: paragraphs matching every word, best first, with highlighted snippets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find paragraphs containing words, ranked, with highlighted snippets.")

    @Argument(help: "The words to look for (all must appear; word* matches a prefix).")
    var words: [String]

    @Option(name: .long, help: "At most this many results.")
    var limit: Int = 10

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let hits = try knowledgeBase.read { db in
            try ParagraphSearch().search(words.joined(separator: " "), limit: limit, in: db)
        }
        SearchRenderer(console: context.output, json: json).render(hits, query: words.joined(separator: " "))
    }
}
