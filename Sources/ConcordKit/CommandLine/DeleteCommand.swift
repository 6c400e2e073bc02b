import ArgumentParser

/// `delete ENTITY`: hides an entity (a tombstone that syncs).
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an entity; its relations are hidden but kept (undo brings it back).")

    @Argument(help: "The entity: an id, a name or an alias.")
    var entity: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let change = try EntityEditor(knowledgeBase: knowledgeBase).delete(entity)
        EditRenderer(console: context.output).render(change)
    }
}
