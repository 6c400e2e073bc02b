import ArgumentParser

/// `set ENTITY FIELD VALUE`: change a field of an entity.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a field of an entity: name, summary, date, place, or any other word (e.g. role).",
        discussion: """
            Dates are ISO 8601: 2019, 2019-04, 2019-04-02, 2019-04-02T10:00, or an interval \
            START/END such as 2019-04-02T10:00/2019-04-02T13:00. An empty value ("") clears the field. \
            A new name keeps the old one as an alias.
            """)

    @Argument(help: "The entity: an id, a name or an alias.")
    var entity: String

    @Argument(help: "name, summary, date, place, or another lowercase word.")
    var field: String

    @Argument(parsing: .allUnrecognized, help: "The new value (quote it, or give the words one after another).")
    var value: [String] = []

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if value.isEmpty { throw ValidationError("give a value after the field, e.g. set \"\(entity)\" \(field) \"…\" (\"\" clears it)") }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let change = try EntityEditor(knowledgeBase: knowledgeBase).set(entity, field: field, value: value.joined(separator: " "))
        EditRenderer(console: context.output).render(change)
    }
}
