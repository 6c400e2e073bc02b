import ArgumentParser
import Foundation

/// `import FILE…`: apply changeset files from other replicas, each file entirely or not at all.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply changeset files written by export or sync; re-importing a file changes nothing.",
        discussion: "Each file is applied entirely or not at all. Changes whose earlier changes are missing wait (see status) and are applied when those arrive. A damaged, truncated or foreign file is refused with the reason, and the others are still imported. Every change must be signed by a trusted key (see trust) or this replica's own; a file with a signature that does not verify is refused whole.")

    @Argument(help: "Changeset files (.concord); - reads one from standard input (a pipe or FIFO works too).", completion: .file(extensions: ["concord"]))
    var files: [String]

    @Flag(name: .long, help: "Accept unsigned files and keys not trusted here, this once; each is recorded (see trust list), none becomes trusted.")
    var allowUntrusted = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one changeset file to import") }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let renderer = SyncTransportRenderer(console: context.output)
        var refused = 0
        for file in files {
            do {
                // Standard input (`-`) and FIFOs are read once into a temporary file: import reads a file twice.
                let source = try ChangesetSpool.readablePath(for: file == "-" ? file : StoreLocation.absolute(file))
                defer { if source.isTemporary { unlink(source.path) } }
                let outcome = try ChangesetImporter().importFile(
                    at: source.path, displayName: file == "-" ? "standard input" : file, into: knowledgeBase, allowUntrusted: allowUntrusted)
                renderer.renderImport(outcome)
                TrustRenderer(console: context.output).renderAcceptance(outcome, errors: context.errors)
            } catch let error as ChangesetFileError {
                renderer.renderRefusal(error.errorDescription ?? file, errors: context.errors)
                refused += 1
            }
        }
        if refused > 0 { throw ExitCode.failure }
    }
}
