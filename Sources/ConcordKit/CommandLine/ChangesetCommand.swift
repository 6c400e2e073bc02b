import ArgumentParser

/// `changeset show FILE`: what a changeset file holds, in words, without applying it.
struct ChangesetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changeset",
        abstract: "Look inside changeset files.",
        subcommands: [Show.self])

    /// `changeset show FILE [--json]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print what a changeset file holds (who, when, which entity, which field, old → new) without applying it.")

        @Argument(help: "A changeset file (.concord).", completion: .file(extensions: ["concord"]))
        var file: String

        @Flag(name: .long, help: "One JSON object per change record.")
        var json = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let context = CommandContext.current
            // Reading a file creates nothing: without a knowledge base, entities are shown by id.
            let knowledgeBase = try context.existingKnowledgeBase(store) ?? KnowledgeBase.inMemory(author: "reader")
            let renderer = ChangesetRenderer(console: context.output, json: json)
            try ChangesetDescriber().describe(
                file: StoreLocation.absolute(file), displayName: file, in: knowledgeBase,
                header: { renderer.renderHeader($0, file: file) }, renderer.render)
        }
    }
}
