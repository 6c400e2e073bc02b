import ArgumentParser
import Foundation

/// `trust add|list|remove`: the keys whose signed changes this replica imports.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Manage the keys whose changes this replica imports.",
        discussion: "Changes signed by a key that is not trusted (and files with unsigned changes) are refused by import and sync, naming the key's fingerprint. Get a replica's key by running `concord key` there.",
        subcommands: [Add.self, List.self, Remove.self, Ignore.self, Unignore.self])

    /// `trust add NAME PUBLIC-KEY`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Trust a replica's public key (64 hex digits, as `concord key` prints it) under a name.")

        @Argument(help: "Your name for the key, e.g. the person or machine.")
        var name: String

        @Argument(help: "The public key: 64 hex digits.")
        var publicKey: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let key = PublicKeyText.parse(publicKey) else { throw TrustError.invalidPublicKey(publicKey) }
            let context = CommandContext.current
            let knowledgeBase = try context.knowledgeBase(store)
            let added = try knowledgeBase.database.write { db in
                try TrustStore().add(name: name, publicKey: key, ownKey: knowledgeBase.signingKey.publicKey, in: db)
            }
            TrustRenderer(console: context.output).renderAdded(added)
        }
    }

    /// `trust list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the trusted keys, and the files accepted once without trust.")

        @Flag(name: .long, help: "One JSON object.")
        var json = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let context = CommandContext.current
            let knowledgeBase = try context.knowledgeBase(store)
            let (trusted, acceptances, ignored) = try knowledgeBase.read { db in
                (try TrustStore().trusted(in: db), try TrustStore().acceptances(in: db), try SyncFolderRefusals().ignored(in: db))
            }
            TrustRenderer(console: context.output).renderList(
                own: knowledgeBase, trusted: trusted, acceptances: acceptances, json: json, ignored: ignored)
        }
    }

    /// `trust remove NAME|FINGERPRINT`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Stop trusting a key, given by its name or fingerprint; changes already imported stay.")

        @Argument(help: "The key's name, or its fingerprint (16 hex digits, spaces optional).")
        var key: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let context = CommandContext.current
            let knowledgeBase = try context.knowledgeBase(store)
            let removed = try knowledgeBase.database.write { db in try TrustStore().remove(key, in: db) }
            TrustRenderer(console: context.output).renderRemoved(removed)
        }
    }

    /// `trust ignore REPLICA`.
    struct Ignore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ignore",
            abstract: "Stop reading (and reporting) a replica's files in sync folders; its changes relayed by others are still checked.")

        @Argument(help: "The replica id, or a unique prefix of 8 or more hex digits of one known here.")
        var replica: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let context = CommandContext.current
            let knowledgeBase = try context.knowledgeBase(store)
            let (replicaID, changed) = try SyncFolderRefusals().setIgnored(true, replica: replica, in: knowledgeBase)
            context.output.line(changed ? "ignoring replica \(replicaID) in sync folders" : "replica \(replicaID) was already ignored")
        }
    }

    /// `trust unignore REPLICA`.
    struct Unignore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unignore", abstract: "Read a replica's files in sync folders again.")

        @Argument(help: "The replica id, or a unique prefix of 8 or more hex digits of one known here.")
        var replica: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let context = CommandContext.current
            let knowledgeBase = try context.knowledgeBase(store)
            let (replicaID, changed) = try SyncFolderRefusals().setIgnored(false, replica: replica, in: knowledgeBase)
            context.output.line(changed ? "reading replica \(replicaID) in sync folders again" : "replica \(replicaID) was not ignored")
        }
    }
}
