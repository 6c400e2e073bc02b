import Foundation

/// Where a command's output goes: standard output, standard error, or a buffer in tests.
///
/// It knows whether it writes to a terminal, so renderers colour only on a TTY and
/// never when `NO_COLOR` is set, and fit their tables to the terminal's width.
public final class Console: @unchecked Sendable {
    /// `true` when output goes to a terminal (not a pipe or file).
    public let isTerminal: Bool
    /// `true` when ANSI colours may be used: a terminal, and `NO_COLOR` unset.
    public let usesColor: Bool
    /// Columns available for a line (80 unless the terminal says otherwise).
    public let width: Int
    /// `true` when output goes to a pipe or a file: list commands then print whole
    /// tab-separated lines with a header (``TabSeparatedLines``) instead of a table
    /// cut to ``width``. (A test's buffer is neither a terminal nor a pipe unless it says so.)
    public let isPipe: Bool

    private let lock = NSLock()
    private let sink: @Sendable (String) -> Void

    public init(
        isTerminal: Bool, usesColor: Bool, width: Int = 80, isPipe: Bool = false, sink: @escaping @Sendable (String) -> Void
    ) {
        self.isTerminal = isTerminal
        self.isPipe = isPipe
        self.usesColor = usesColor
        self.width = width
        self.sink = sink
    }

    /// Writes `text` followed by a newline.
    public func line(_ text: String = "") { write(text + "\n") }

    /// Writes `text` with control characters from data made visible (``TerminalText``): line feeds,
    /// tabs and, when colour is on, colour sequences are kept; JSON is unaffected (its encoder escapes them).
    public func write(_ text: String) {
        let safe = usesColor ? TerminalText.escapedKeepingLayout(text) : TerminalText.escapedKeepingLines(text)
        lock.lock()
        defer { lock.unlock() }
        sink(safe)
    }

    /// Returns to the start of the line and clears it, on a terminal only: how a progress line
    /// is redrawn (Concord's own control sequence, so it is not escaped as data would be).
    public func clearLine() {
        guard isTerminal else { return }
        lock.lock()
        defer { lock.unlock() }
        sink("\r\u{1B}[K")
    }

    /// Wraps `text` in an ANSI style when colour is on.
    public func styled(_ text: String, _ style: TextStyle) -> String {
        usesColor ? style.rawValue + text + "\u{1B}[0m" : text
    }

    /// The process's standard output.
    public static func standardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Console {
        let tty = isatty(STDOUT_FILENO) == 1
        return Console(
            isTerminal: tty, usesColor: tty && colorAllowed(by: environment),
            width: terminalWidth(of: STDOUT_FILENO, environment: environment), isPipe: !tty,
            sink: { text in FileHandle.standardOutput.write(Data(text.utf8)) })
    }

    /// The process's standard error.
    public static func standardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> Console {
        let tty = isatty(STDERR_FILENO) == 1
        return Console(
            isTerminal: tty, usesColor: tty && colorAllowed(by: environment),
            width: terminalWidth(of: STDERR_FILENO, environment: environment), isPipe: !tty,
            sink: { text in FileHandle.standardError.write(Data(text.utf8)) })
    }

    /// `false` when `NO_COLOR` is set to a value that is not empty (<https://no-color.org>).
    public static func colorAllowed(by environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The width tables use: `COLUMNS` when it is a positive number, else the terminal's, else 80.
    public static func terminalWidth(of descriptor: Int32, environment: [String: String]) -> Int {
        if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
            return columns
        }
        return TerminalSize.columns(descriptor) ?? 80
    }

    /// A console that collects what is written, for tests: read it with `text()`.
    /// `isPipe` makes it stand for a pipe (whole tab-separated lines from list commands).
    public static func buffer(width: Int = 80, isPipe: Bool = false) -> BufferedConsole {
        BufferedConsole(width: width, isPipe: isPipe)
    }
}

/// A ``Console`` that keeps what is written in memory.
public final class BufferedConsole: @unchecked Sendable {
    public let console: Console
    private let storage = Storage()

    init(width: Int, isPipe: Bool) {
        let storage = self.storage
        console = Console(isTerminal: false, usesColor: false, width: width, isPipe: isPipe, sink: { storage.append($0) })
    }

    /// Everything written so far.
    public var text: String { storage.value }

    final class Storage: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = ""
        func append(_ text: String) { lock.lock(); buffer += text; lock.unlock() }
        var value: String { lock.lock(); defer { lock.unlock() }; return buffer }
    }
}

/// ANSI text styles used by renderers.
public enum TextStyle: String, Sendable {
    case bold = "\u{1B}[1m"
    case dim = "\u{1B}[2m"
    case highlight = "\u{1B}[1;33m"
    case error = "\u{1B}[1;31m"
    case kind = "\u{1B}[36m"
}

/// The size of the terminal behind a file descriptor.
public enum TerminalSize {
    public static func columns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    public static func rows(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }
}
