import ArgumentParser
import Foundation

/// `key`: this replica's public signing key and its fingerprint, to give to the people you sync with.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Show this replica's public signing key and its fingerprint; others trust it with trust add.",
        discussion: "Every change made here and every changeset file written here is signed with this replica's private key, kept beside the database in DB.key (readable only by you). Replicas you sync with import your changes only once they trust this public key.")

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    @Flag(name: .long, help: "Only when DB.key is lost or holds another replica's key: make a new key and a new replica id (peers must trust the new key).")
    var reset = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        if reset {
            let path = StoreLocation.databasePath(option: store.db, environment: context.environment)
            guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notAKnowledgeBase(path: path) }
            let replicaID = try ReplicaKeyReset.reset(databasePath: path)
            context.errors.line("made a new key; this knowledge base is now replica \(replicaID)")
        }
        let knowledgeBase = try context.knowledgeBase(store)
        TrustRenderer(console: context.output).renderKey(knowledgeBase, json: json)
    }
}
