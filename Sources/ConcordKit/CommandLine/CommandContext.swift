import Foundation

/// What a running command needs beyond its arguments: where its output goes and
/// the knowledge base it works on.
///
/// The command line makes one context per process; the REPL makes one for the
/// whole session and runs every line's command inside it, so the knowledge base
/// is opened once. Commands reach it through ``CommandContext/current``.
public final class CommandContext: @unchecked Sendable {
    /// Standard output (or a buffer, in tests).
    public let output: Console
    /// Standard error: progress and errors.
    public let errors: Console
    public let environment: [String: String]
    /// `true` inside the REPL (and `run` scripts), where store options are fixed.
    public let isSession: Bool

    private let lock = NSLock()
    private var openKnowledgeBase: KnowledgeBase?
    private let sessionSelection: StoreSelection

    public init(
        output: Console, errors: Console, environment: [String: String] = ProcessInfo.processInfo.environment,
        selection: StoreSelection = StoreSelection(), isSession: Bool = false, knowledgeBase: KnowledgeBase? = nil
    ) {
        self.output = output
        self.errors = errors
        self.environment = environment
        self.sessionSelection = selection
        self.isSession = isSession
        self.openKnowledgeBase = knowledgeBase
    }

    /// The context of the command being run (a standard one outside any session).
    @TaskLocal public static var current = CommandContext(
        output: Console.standardOutput(), errors: Console.standardError())

    /// The knowledge base to work on, opened (and created from the seeds) on first use.
    public func knowledgeBase(_ options: StoreOptions) throws -> KnowledgeBase {
        try knowledgeBase(options.selection)
    }

    /// The knowledge base to work on, opened (and created from the seeds) on first use.
    public func knowledgeBase(_ selection: StoreSelection = StoreSelection()) throws -> KnowledgeBase {
        lock.lock()
        defer { lock.unlock() }
        if isSession && selection.isSpecified { throw CommandError.storeOptionsInSession }
        if let openKnowledgeBase { return openKnowledgeBase }
        let effective = isSession ? sessionSelection : selection
        let loader = KnowledgeBaseLoader(
            databasePath: StoreLocation.databasePath(option: effective.db, environment: environment),
            author: ReplicaIdentity.author(option: effective.author, environment: environment),
            seedsDirectory: effective.seeds)
        let errors = self.errors
        let opened = try loader.open(progress: { errors.line($0) })
        openKnowledgeBase = opened
        return opened
    }

    /// The knowledge base when it is open or its file exists; `nil` rather than creating one,
    /// for commands that only read something else and use the knowledge base for names.
    public func existingKnowledgeBase(_ options: StoreOptions) throws -> KnowledgeBase? {
        lock.lock()
        let open = openKnowledgeBase
        lock.unlock()
        if let open { return open }
        let effective = isSession ? sessionSelection : options.selection
        let path = StoreLocation.databasePath(option: effective.db, environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try knowledgeBase(options)
    }

    /// Runs `body` with this context as ``current``.
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        try CommandContext.$current.withValue(self) { try body() }
    }
}
