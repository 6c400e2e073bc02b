import ArgumentParser

/// `link A PREDICATE B`: a relation added by hand.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link two entities, or confirm a relation extracted from the text, e.g. link \"Ana Example\" represents OHCHR.",
        discussion: "Predicates: " + RelationPredicate.allCases.map(\.rawValue).joined(separator: ", ") + ".")

    @Argument(help: "The subject entity.")
    var subject: String

    @Argument(help: "How they are related (see the list of predicates).")
    var predicate: String

    @Argument(help: "The object entity.")
    var object: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let change = try RelationEditor(knowledgeBase: knowledgeBase).link(subject, predicate, object)
        EditRenderer(console: context.output).render(change)
    }
}
