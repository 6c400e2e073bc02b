import ArgumentParser

/// `log`: the most recent changes — who made them, when, and what they did.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List recent changes (yours and those received), newest first: who, when, what.")

    @Option(name: .long, help: "At most this many changes.")
    var limit: Int = 20

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let entries = try knowledgeBase.read { db in
            try ChangeLog().recent(limit: limit, localReplica: knowledgeBase.replicaID, in: db)
        }
        LogRenderer(console: context.output, json: json).render(entries)
    }
}
