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

    @Option(name: .long, help: ArgumentHelp("Only what this person said in summary records.", valueName: "entity"))
    var speaker: String?

    @Option(name: .long, help: ArgumentHelp("Only what the delegation of this State (or body) said in summary records.", valueName: "state"))
    var state: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let text = words.joined(separator: " ")
        let hits = try knowledgeBase.read { db in
            guard speaker != nil || state != nil else { return try ParagraphSearch().search(text, limit: limit, in: db) }
            let person = try speaker.map { try EntityResolver().resolve($0, in: db) }
            let party = try state.map { try EntityResolver().resolve($0, in: db) }
            var within = try SpeakerAttribution().paragraphs(spokenBy: person, for: party, in: db)
            if person != nil, party != nil {
                within.formIntersection(try SpeakerAttribution().paragraphs(spokenBy: nil, for: party, in: db))
            }
            return try ParagraphSearch().search(text, limit: limit, within: within, in: db)
        }
        SearchRenderer(console: context.output, json: json).render(hits, query: words.joined(separator: " "))
    }
}
