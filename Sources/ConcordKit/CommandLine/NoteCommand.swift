import ArgumentParser

/// `note TARGET TEXT`: a note on an entity, a relation or a paragraph.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write a note on an entity, a relation (relation:…) or a paragraph (002:14), e.g. note 002:14 \"check this\".")

    @Argument(help: "An entity, a relation id, or a paragraph address DOCUMENT:N or DOCUMENT:#K.")
    var target: String

    @Argument(parsing: .allUnrecognized, help: "The note (quote it, or give the words one after another).")
    var text: [String] = []

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let added = try AnnotationStore(knowledgeBase: knowledgeBase).note(target, text: text.joined(separator: " "))
        AnnotationRenderer(console: context.output).render(added)
    }
}
