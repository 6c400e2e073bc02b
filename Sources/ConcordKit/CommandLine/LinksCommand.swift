import ArgumentParser

/// `links ENTITY`: the entities related to one, up to a depth.
struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "List the entities related to an entity, with the relations that connect them.",
        discussion: "Relations count in both directions. --depth 2 adds the neighbours' neighbours.")

    @Argument(help: "An entity id, name or alias.")
    var entity: [String]

    @Option(name: .long, help: "How many relations away to look (1–\(GraphWalk.maximumDepth)).")
    var depth: Int = 1

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @Flag(name: .long, help: "Print under each neighbour the sentence stating the relation that reaches it (✓: confirmed by a person).")
    var evidence = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if entity.isEmpty { throw ValidationError("give an entity, e.g. links OHCHR") }
        if !(1...GraphWalk.maximumDepth).contains(depth) {
            throw ValidationError("--depth must be between 1 and \(GraphWalk.maximumDepth)")
        }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let reference = entity.joined(separator: " ")
        let (start, reached, sources) = try knowledgeBase.read { db in
            let start = try EntityResolver().resolve(reference, in: db)
            let reached = try GraphWalk().neighbourhood(of: start, depth: depth, in: db)
            let ids = Set(reached.reached.compactMap { $0.steps.last?.relationID })
            return (start, reached, evidence ? try RelationEvidence.fetch(ids, in: db) : nil)
        }
        var renderer = LinksRenderer(console: context.output, json: json)
        renderer.evidence = sources
        try renderer.render(reached, from: start, depth: depth)
    }
}
