import ArgumentParser

/// `graph ENTITY`: an entity's neighbourhood as a picture (or DOT text).
struct GraphCommand: ParsableCommand {
    /// What `graph` can write.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case dot, svg, png
    }

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw an entity's neighbourhood with Graphviz (svg, png) or print it as DOT.",
        discussion: """
            Without --format: svg or png as -o FILE's extension says when Graphviz's dot is installed, \
            else DOT text. Example: graph OHCHR --depth 2 -o ohchr.svg
            """)

    @Argument(help: "An entity id, name or alias.")
    var entity: [String]

    @Option(name: .long, help: "How many relations away to draw (1–\(GraphWalk.maximumDepth)).")
    var depth: Int = 1

    @Option(name: .long, help: "dot (text), svg or png.")
    var format: Format?

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of printing.")
    var output: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if entity.isEmpty { throw ValidationError("give an entity, e.g. graph OHCHR") }
        if !(1...GraphWalk.maximumDepth).contains(depth) {
            throw ValidationError("--depth must be between 1 and \(GraphWalk.maximumDepth)")
        }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let reference = entity.joined(separator: " ")
        let snapshot = try knowledgeBase.read { db in
            try GraphSnapshotQuery().neighbourhood(of: try EntityResolver().resolve(reference, in: db), depth: depth, in: db)
        }
        try GraphWriter(console: context.output, drawer: GraphvizDrawer(environment: context.environment))
            .write(snapshot, as: chosenOutput(dotInstalled: GraphvizDrawer(environment: context.environment).executable != nil), to: output)
    }

    /// The explicit format, else one guessed from the file name and whether `dot` is installed.
    func chosenOutput(dotInstalled: Bool) -> GraphWriter.Output {
        switch format {
        case .dot: return .text(.dot)
        case .svg: return .picture(.svg)
        case .png: return .picture(.png)
        case nil:
            let lowered = output?.lowercased() ?? ""
            guard dotInstalled, output != nil else { return .text(.dot) }
            if lowered.hasSuffix(".png") { return .picture(.png) }
            if lowered.hasSuffix(".dot") || lowered.hasSuffix(".gv") { return .text(.dot) }
            return .picture(.svg)
        }
    }
}
