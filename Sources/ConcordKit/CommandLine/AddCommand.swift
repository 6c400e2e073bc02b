import ArgumentParser

/// `add KIND NAME`: a new entity made by hand.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entity by hand, e.g. add person \"Ana Example\"; prints its new id.")

    @Argument(help: "body, person, instrument, event or state.")
    var kind: String

    @Argument(help: "Its name (quote it, or give the words one after another).")
    var name: [String] = []

    @Flag(name: .long, help: "Print the new entity as one JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let added = try EntityEditor(knowledgeBase: knowledgeBase).add(kind: kind, name: name.joined(separator: " "))
        EditRenderer(console: context.output).render(added, json: json)
    }
}
