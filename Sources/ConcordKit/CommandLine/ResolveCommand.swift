import ArgumentParser

/// `resolve ID --keep mine|theirs|VALUE`: decide a conflict; the decision syncs and closes it everywhere.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Decide a conflict: keep your value, theirs, or a new one. The decision syncs to everyone.")

    @Argument(help: "The conflict's id (as conflicts shows it; a unique prefix is enough).")
    var id: String

    @Option(name: .long, help: ArgumentHelp("mine, theirs, or the value to keep (quoted).", valueName: "mine|theirs|value"))
    var keep: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let choice: ConflictList.Choice
        switch keep {
        case "mine": choice = .mine
        case "theirs": choice = .theirs
        default: choice = .value(keep)
        }
        let resolution = try ConflictList(localReplicaID: knowledgeBase.replicaID).resolve(id, keeping: choice, in: knowledgeBase)
        SyncMessageRenderer(console: context.output).render(resolution)
    }
}
