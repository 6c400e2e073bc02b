import ArgumentParser

/// `unlink A PREDICATE B`: removes every relation saying so.
struct UnlinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink",
        abstract: "Remove (reject) the relations A PREDICATE B, including ones extracted from the text.")

    @Argument(help: "The subject entity.")
    var subject: String

    @Argument(help: "The predicate.")
    var predicate: String

    @Argument(help: "The object entity.")
    var object: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let change = try RelationEditor(knowledgeBase: knowledgeBase).unlink(subject, predicate, object)
        EditRenderer(console: context.output).render(change)
    }
}
