import ArgumentParser

/// `undo`: revert your last change not yet undone; the revert is itself a change that syncs.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert your most recent change (again to go further back); the revert syncs like any change.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let outcome = try ChangeUndoer().undoLast(in: knowledgeBase)
        SyncMessageRenderer(console: context.output).render(outcome)
    }
}
