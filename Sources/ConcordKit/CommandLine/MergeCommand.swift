import ArgumentParser

/// `merge A B`: B was a duplicate of A.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a duplicate B into A: B's names, mentions, relations and notes show under A.",
        discussion: "Nothing is moved or lost: B redirects to A, and B's id keeps leading to A.")

    @Argument(help: "The entity to keep.")
    var survivor: String

    @Argument(help: "The duplicate.")
    var duplicate: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let change = try EntityEditor(knowledgeBase: knowledgeBase).merge(survivor, duplicate)
        EditRenderer(console: context.output).render(change)
    }
}
