import ArgumentParser

/// `show ENTITY`: everything known about one entity.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an entity: aliases, attributes, relations, notes, tags and mentions.",
        discussion: """
            ENTITY is an id, a name or an alias, e.g. show OHCHR. Entities merged into it are shown as part of it. \
            A relation's paragraph (001:¶3) says it was extracted from the text; ✓ that a person confirmed it.
            """)

    @Argument(help: "An entity id, name or alias.")
    var entity: [String]

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    @Flag(name: .long, help: "Print under each relation the sentence that states it.")
    var evidence = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if entity.isEmpty { throw ValidationError("give an entity to show, e.g. show OHCHR") }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let reference = entity.joined(separator: " ")
        let page = try knowledgeBase.read { db in try EntityPageQuery().page(reference, in: db) }
        try EntityPageRenderer(console: context.output, json: json, evidence: evidence).render(page)
    }
}
