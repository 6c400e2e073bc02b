import Foundation

/// Makes text that came from data safe to print: control characters become visible
/// instead of acting on the terminal (as `less` and `git` show them).
///
/// - C0 controls and DEL in caret notation: ESC is `^[`, BEL `^G`, CR `^M`, NUL `^@`, DEL `^?`;
/// - C1 controls (U+0080–U+009F, among them the one-character CSI and OSC) and the characters that
///   reorder or break lines invisibly (U+2028, U+2029, bidirectional embeddings, overrides and
///   isolates U+202A–U+202E, U+2066–U+2069) as `<U+XXXX>`.
///
/// ``escaped(_:)`` escapes every such character, line feeds and tabs included (a table cell,
/// a CSV/TSV field, a name in a message). ``escapedKeepingLayout(_:)`` keeps line feeds, tabs and
/// Concord's own colour sequences (`ESC [ digits ; … m`), for whole lines a renderer made.
/// JSON output is not escaped here: its encoder writes every control character as `\u00XX`.
public enum TerminalText {
    /// `text` with every control character made visible (see the type's documentation).
    public static func escaped(_ text: String) -> String {
        guard needsEscaping(text, keepingLayout: false) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// `text` with control characters made visible, except line feeds, tabs and SGR colour sequences.
    public static func escapedKeepingLayout(_ text: String) -> String {
        guard needsEscaping(text, keepingLayout: true) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepsLayout(scalars, at: index) {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\u{1B}", let end = colourSequenceEnd(scalars, from: index) {
                result.unicodeScalars.append(contentsOf: scalars[index...end])
                index = end
            } else {
                append(scalar, to: &result)
            }
            index += 1
        }
        return result
    }

    /// `text` with control characters made visible, except line feeds and tabs (colour sequences too are escaped).
    public static func escapedKeepingLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if keepsLayout(scalars, at: index) { result.unicodeScalars.append(scalar) } else { append(scalar, to: &result) }
        }
        return result
    }

    /// Line feeds, tabs, and a carriage return that ends a line (CSV's CR LF) are layout, not data.
    private static func keepsLayout(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        return scalar == "\n" || scalar == "\t" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
    }

    /// Whether `scalar` is shown escaped.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func needsEscaping(_ text: String, keepingLayout: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            isControl(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{1B}"))
                || (keepingLayout && (scalar == "\u{1B}" || scalar == "\r"))
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar.value {
        case 0x00...0x1F: result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
        case 0x7F: result += "^?"
        case _ where isControl(scalar): result += String(format: "<U+%04X>", scalar.value)
        default: result.unicodeScalars.append(scalar)
        }
    }

    /// The index of the final `m` of an SGR sequence `ESC [ (digits | ;)* m` starting at `start`, if it is one.
    private static func colourSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 24 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }
}
