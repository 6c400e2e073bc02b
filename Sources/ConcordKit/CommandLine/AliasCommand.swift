import ArgumentParser

/// `alias ENTITY ALIAS`: another name an entity goes by.
struct AliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Add another name an entity goes by, e.g. alias OHCHR \"the Office\".")

    @Argument(help: "The entity: an id, a name or an alias.")
    var entity: String

    @Argument(help: "The other name (quote it, or give the words one after another).")
    var alias: [String] = []

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let change = try EntityEditor(knowledgeBase: knowledgeBase).alias(entity, alias: alias.joined(separator: " "))
        EditRenderer(console: context.output).render(change)
    }
}
