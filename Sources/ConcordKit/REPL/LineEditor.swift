@preconcurrency import CEditLine
import CConcordTerminal
import Foundation

/// Reads lines at the terminal with libedit: emacs-style editing, history kept
/// across sessions (``HistoryStore``), Ctrl-R to search it, Tab completion from
/// ``CompletionProvider``, Ctrl-C to abandon the line, Ctrl-D to leave.
///
/// libedit keeps its state in process-wide globals and calls back through plain C
/// function pointers, so there is at most one editor per process; its completion
/// provider is kept in ``LineEditorState``. Use it only when both standard input
/// and standard output are terminals.
final class LineEditor {
    /// What one call to ``read(prompt:)`` produced.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case endOfInput
    }

    private let history: HistoryStore
    private var historyIsWritable: Bool

    /// Sets libedit up, loads the history and installs the Ctrl-C handling.
    init(history: HistoryStore, completion: CompletionProvider) {
        self.history = history
        LineEditorState.shared.provider = completion
        Self.useUTF8Locale()
        rl_readline_name = UnsafePointer(strdup("concord"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_getc_function = concord_terminal_getc
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"'"))
        rl_attempted_completion_function = { _, start, _ in
            rl_attempted_completion_over = 1
            return LineEditorState.shared.matches(libeditStart: Int(start))
        }
        rl_initialize()
        _ = rl_parse_and_bind("bind ^R em-inc-search-prev")
        using_history()
        stifle_history(Int32(HistoryStore.capacity))
        historyIsWritable = history.prepareDirectory()
        if FileManager.default.fileExists(atPath: history.path) { _ = read_history(history.path) }
        _ = concord_terminal_install_signal_handlers()
        QueryInterruption.shared.watch(descriptor: concord_terminal_interrupt_descriptor())
    }

    /// Shows `prompt` and reads one line.
    func read(prompt: String) -> Input {
        concord_terminal_begin_line()
        let raw = readline(prompt)
        let interrupted = concord_terminal_was_interrupted() != 0
        guard let raw else { return interrupted ? .interrupted : .endOfInput }
        defer { free(raw) }
        if interrupted { return .interrupted }
        return .line(String(cString: raw))
    }

    /// Adds `line` to the history and saves the history file.
    func remember(_ line: String) {
        guard let entry = HistoryStore.entry(for: line) else { return }
        _ = add_history(entry)
        if historyIsWritable { historyIsWritable = write_history(history.path) == 0 }
    }

    /// Puts the terminal's signal handling back as it was.
    func close() {
        concord_terminal_restore_signal_handlers()
        LineEditorState.shared.provider = nil
    }

    /// libedit decodes multibyte input only under a UTF-8 locale; Swift programs start in "C".
    private static func useUTF8Locale() {
        if let chosen = setlocale(LC_CTYPE, ""), String(cString: chosen).uppercased().contains("UTF") { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

/// The completion provider libedit's C callback reaches, and the translation of
/// its answers into libedit's match list.
final class LineEditorState: @unchecked Sendable {
    static let shared = LineEditorState()

    private let lock = NSLock()
    private var storedProvider: CompletionProvider?

    var provider: CompletionProvider? {
        get { lock.lock(); defer { lock.unlock() }; return storedProvider }
        set { lock.lock(); storedProvider = newValue; lock.unlock() }
    }

    /// The match list for libedit (malloc'd, freed by libedit): entry 0 replaces the
    /// word libedit found (which begins at `libeditStart`), entries 1… are the
    /// alternatives it lists. Nil when there is nothing to offer.
    func matches(libeditStart: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        // rl_line_buffer and rl_point (bytes) are current here: rl_complete updates them first.
        // (libedit's rl_copy_text drops the last character, so it is not used.)
        guard let provider, let buffer = rl_line_buffer, rl_point >= 0, rl_point <= rl_end else { return nil }
        let prefix = Self.lineBeforeCursor(String(cString: buffer), point: Int(rl_point), end: Int(rl_end))
        let cursor = prefix.unicodeScalars.count
        let completion = provider.complete(line: prefix, cursor: cursor)
        let typed = Array(prefix.unicodeScalars)
        let replacements = Self.relative(completion, typed: typed, libeditStart: libeditStart)
        guard !replacements.isEmpty else { return nil }
        let single = replacements.count == 1
        rl_completion_append_character = single && completion.endsWord ? 0x20 : 0
        let already = String(String.UnicodeScalarView(typed[min(libeditStart, typed.count)...]))
        let common = single ? replacements[0] : Self.commonPrefix(replacements, atLeast: already)
        // Entries after the first are only listed (second Tab): the entity's kind may follow each name.
        let listed = completion.listed.flatMap { $0.count == replacements.count ? $0 : nil } ?? replacements
        let entries = single ? [common] : [common] + listed
        guard let list = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1))?
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        else { return nil }
        for (index, entry) in entries.enumerated() { list[index] = strdup(entry) }
        list[entries.count] = nil
        return list
    }

    /// The text of `line` before the cursor. libedit's readline interface counts `rl_point` and
    /// `rl_end` in characters once the line holds a multibyte character (its narrow line view
    /// keeps the wide line's offsets), in bytes otherwise; `end` says which: cutting "show Lié"
    /// after 8 bytes left half an "é" and completed nothing.
    static func lineBeforeCursor(_ line: String, point: Int, end: Int) -> String {
        if end == line.utf8.count {
            return String(decoding: line.utf8.prefix(point), as: UTF8.self)
        }
        return String(String.UnicodeScalarView(line.unicodeScalars.prefix(point)))
    }

    /// The replacements rewritten to start where libedit's word starts rather than
    /// where the provider's word starts (libedit splits at quotes and spaces).
    static func relative(_ completion: CompletionProvider.Completion, typed: [Unicode.Scalar], libeditStart: Int) -> [String] {
        let start = min(completion.start, typed.count)
        let libeditStart = min(libeditStart, typed.count)
        return completion.candidates.compactMap { candidate in
            if libeditStart >= start {
                let skip = libeditStart - start
                let scalars = Array(candidate.unicodeScalars)
                guard scalars.count >= skip else { return nil }
                return String(String.UnicodeScalarView(scalars[skip...]))
            }
            return String(String.UnicodeScalarView(typed[libeditStart..<start])) + candidate
        }
    }

    /// The longest case-insensitive common beginning of `words` (in the first one's
    /// spelling), or `typed` when that would be shorter than what is already typed.
    ///
    /// When some words are quoted and some bare (`Guatemala`, `"Guatemalan Migration Board"`),
    /// the beginning is taken without the quotes and given bare (`Guatemala`) as long as it is one
    /// word; the next Tab lists them all.
    static func commonPrefix(_ words: [String], atLeast typed: String) -> String {
        let isQuoted = { (word: String) in word.first == "\"" || word.first == "'" }
        let mixed = words.contains(where: isQuoted) && !words.allSatisfy(isQuoted)
        let compared = mixed ? words.map { isQuoted($0) ? String($0.dropFirst()) : $0 } : words
        let common = sharedBeginning(compared)
        if mixed && common.contains(where: \.isWhitespace) { return typed }
        return common.count < typed.count ? typed : common
    }

    private static func sharedBeginning(_ words: [String]) -> String {
        guard var common = words.first.map({ Array($0) }) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < min(common.count, characters.count),
                  common[length].lowercased() == characters[length].lowercased() {
                length += 1
            }
            common = Array(common.prefix(length))
        }
        return String(common)
    }
}
