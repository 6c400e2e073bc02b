import ArgumentParser

/// `hash`: a digest of the content, equal on two knowledge bases exactly when they hold the same.
struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print a SHA-256 of the content (documents, graph, notes, open conflicts); equal copies print the same.")

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let digest = try knowledgeBase.read { db in try ContentHash().digest(in: db) }
        SyncMessageRenderer(console: context.output).renderHash(digest, json: json)
    }
}
