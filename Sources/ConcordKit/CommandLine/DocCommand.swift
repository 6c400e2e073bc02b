import ArgumentParser

/// `doc DOCUMENT [PARAGRAPH]`: read a document, or one paragraph of it.
struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Read a document, or one paragraph of it.",
        discussion: """
            DOCUMENT is a short label (002), a file name, a symbol (CMW/C/SR.452) or an id. \
            PARAGRAPH is an official number (14) or #ORDINAL (#3); doc 002:14 works too. stats lists the documents.
            """)

    @Argument(help: "The document, or DOCUMENT:PARAGRAPH.")
    var document: String

    @Argument(help: "A paragraph: its number, or #ordinal.")
    var paragraph: String?

    @Flag(name: .long, help: "One JSON object per paragraph.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let view = try knowledgeBase.read { db in try DocumentViewQuery().view(document, paragraph: paragraph, in: db) }
        try DocumentRenderer(console: context.output, json: json).render(view)
    }
}
