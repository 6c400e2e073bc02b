import ArgumentParser

/// `key`: this replica's public signing key and its fingerprint, to give to the people you sync with.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Show this replica's public signing key and its fingerprint; others trust it with trust add.",
        discussion: "Every change made here and every changeset file written here is signed with this replica's private key, kept beside the database in DB.key (readable only by you). Replicas you sync with import your changes only once they trust this public key.")

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        TrustRenderer(console: context.output).renderKey(knowledgeBase, json: json)
    }
}
