import ArgumentParser

/// `sync DIR`: exchange changes with other replicas through a shared folder.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange changes through a shared folder (USB stick, network share, Syncthing or git folder).",
        discussion: "Imports every other replica's new files from DIR, then writes this replica's new changes into DIR/<replica id>/. Safe to run from several machines on the same folder at any time. A refused file is reported once, then counted; `trust ignore REPLICA` stops reading a replica's files. Exit status: 0 when every file was imported, 3 when some were refused (the others were imported), 1 when the run failed. See sync/FORMAT.md.")

    @Argument(help: "The shared folder.", completion: .directory)
    var folder: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let report = try SyncFolder().synchronize(folder: StoreLocation.absolute(folder), knowledgeBase: knowledgeBase)
        SyncTransportRenderer(console: context.output).renderSync(report, errors: context.errors)
        // Everything importable was imported; a distinct status says some files were refused (see sync/FORMAT.md).
        if report.refusedSome { throw ExitCode(SyncFolder.someRefusedStatus) }
    }
}
