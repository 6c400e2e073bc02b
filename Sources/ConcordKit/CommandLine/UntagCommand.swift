import ArgumentParser

/// `untag TARGET TAG`: removes a tag.
struct UntagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "untag",
        abstract: "Remove a tag from an entity, a relation or a paragraph, whoever added it.")

    @Argument(help: "An entity, a relation id, or a paragraph address.")
    var target: String

    @Argument(help: "The tag to remove.")
    var tag: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let removed = try AnnotationStore(knowledgeBase: knowledgeBase).untag(target, tag: tag)
        AnnotationRenderer(console: context.output).render(removed)
    }
}
