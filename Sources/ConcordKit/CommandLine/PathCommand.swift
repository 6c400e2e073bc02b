import ArgumentParser

/// `path A B`: the shortest chain of relations between two entities.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show the shortest chain of relations between two entities.",
        discussion: """
            Relations are followed in either direction. Quote names with spaces: \
            path "Mr. Lewis" "Committee on Migrant Workers".
            """)

    @Argument(help: "The first entity (id, name or alias).")
    var from: String

    @Argument(help: "The second entity.")
    var to: String

    @Option(name: .long, help: "Give up beyond this many steps (1–\(GraphWalk.maximumDepth)).")
    var depth: Int = 6

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if !(1...GraphWalk.maximumDepth).contains(depth) {
            throw ValidationError("--depth must be between 1 and \(GraphWalk.maximumDepth)")
        }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let (start, goal, steps) = try knowledgeBase.read { db in
            let resolver = EntityResolver()
            let start = try resolver.resolve(from, in: db), goal = try resolver.resolve(to, in: db)
            return (start, goal, try GraphWalk().path(from: start, to: goal, depth: depth, in: db))
        }
        try PathRenderer(console: context.output, json: json).render(steps, from: start, to: goal, depth: depth)
    }
}
