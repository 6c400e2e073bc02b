import ArgumentParser

/// `export FILE [--since VERSIONS | --for REPLICA]`: the changeset-file half of `export`.
extension ExportCommand {
    func validateChangesetOptions() throws {
        if file == nil, since != nil || recipient != nil {
            throw ValidationError("--since and --for need a FILE to write the changes to, e.g. export changes.concord --for 3fa4c1d2")
        }
        if since != nil, recipient != nil { throw ValidationError("give --since or --for, not both") }
        if file != nil, output != nil || format != .json {
            throw ValidationError("FILE writes a changeset file; --format and -o export the graph — give one or the other")
        }
    }

    func exportChanges(to file: String, context: CommandContext) throws {
        let knowledgeBase = try context.knowledgeBase(store)
        let selection: ChangesetExporter.Selection =
            if let since { .sinceText(since) } else if let recipient { .forPeer(recipient) } else { .everything }
        let outcome = try ChangesetExporter().export(to: StoreLocation.absolute(file), selection: selection, from: knowledgeBase)
        SyncTransportRenderer(console: context.output).renderExport(outcome, file: file)
    }
}
