import ArgumentParser

/// `tag TARGET TAG`: a one-word tag on an entity, a relation or a paragraph.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag an entity, a relation or a paragraph with one word, e.g. tag 002:14 follow-up.")

    @Argument(help: "An entity, a relation id, or a paragraph address DOCUMENT:N or DOCUMENT:#K.")
    var target: String

    @Argument(help: "The tag: one word.")
    var tag: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let added = try AnnotationStore(knowledgeBase: knowledgeBase).tag(target, tag: tag)
        AnnotationRenderer(console: context.output).render(added)
    }
}
