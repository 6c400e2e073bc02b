import ArgumentParser

/// `conflicts`: fields two people changed at the same time, with both values, who and when.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List open conflicts: fields changed concurrently, with every value, who and when.")

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let conflicts = try knowledgeBase.read { db in
            try ConflictList(localReplicaID: knowledgeBase.replicaID).conflicts(in: db)
        }
        ConflictsRenderer(console: context.output, json: json, localReplicaID: knowledgeBase.replicaID).render(conflicts)
    }
}
