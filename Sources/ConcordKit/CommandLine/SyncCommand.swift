import ArgumentParser

/// `sync DIR`: exchange changes with other replicas through a shared folder.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange changes through a shared folder (USB stick, network share, Syncthing or git folder).",
        discussion: "Imports every other replica's new files from DIR, then writes this replica's new changes into DIR/<replica id>/. Safe to run from several machines on the same folder at any time. See sync/FORMAT.md.")

    @Argument(help: "The shared folder.", completion: .directory)
    var folder: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let report = try SyncFolder().synchronize(folder: StoreLocation.absolute(folder), knowledgeBase: knowledgeBase)
        SyncTransportRenderer(console: context.output).renderSync(report, errors: context.errors)
        if !report.refusals.isEmpty { throw ExitCode.failure }
    }
}
