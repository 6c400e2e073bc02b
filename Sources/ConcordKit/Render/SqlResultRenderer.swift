import Foundation

/// Prints the rows of a `sql` query: an aligned table on a terminal, tab-separated
/// values with a header line in a pipe, or (`--json`) one JSON object per line, like every other `--json`.
///
/// The JSON shape is frozen: one object per row on a line of its own, keys the column names
/// in query order (a repeated name gets `_2`, `_3`…), values as SQLite returned them
/// (integers and reals as numbers, text as strings, NULL as null, blobs as lowercase
/// hex strings). A truncated result says so on standard error, never in the data.
struct SqlResultRenderer {
    let output: Console
    let errors: Console
    let json: Bool

    /// Widest cell shown on a terminal before it is cut with "…".
    static let terminalCellWidth = 60

    func render(_ result: ReadOnlySQL.Result) throws {
        if json {
            try renderJSON(result)
        } else if output.isTerminal {
            renderTable(result)
        } else {
            renderTabSeparated(result)
        }
        if result.truncated {
            errors.line("note: only the first \(result.limit) rows are shown; pass --limit N for more (0 for all)")
        }
    }

    private func renderTable(_ result: ReadOnlySQL.Result) {
        let rows = result.rows.map { row in
            row.map { value in Self.cut(Self.escaped(Self.text(of: value) ?? "NULL"), to: Self.terminalCellWidth) }
        }
        let lines = TextTable(header: result.columns, rows: rows).lines(width: output.width)
        if let header = lines.first { output.line(output.styled(header, .bold)) }
        for line in lines.dropFirst() { output.line(line) }
        let count = result.rows.count
        output.line(output.styled(count == 1 ? "1 row" : "\(count) rows", .dim))
    }

    private func renderTabSeparated(_ result: ReadOnlySQL.Result) {
        output.line(result.columns.map(Self.escaped).joined(separator: "\t"))
        for row in result.rows {
            output.line(row.map { Self.escaped(Self.text(of: $0) ?? "") }.joined(separator: "\t"))
        }
    }

    private func renderJSON(_ result: ReadOnlySQL.Result) throws {
        let keys = Self.uniqueKeys(result.columns).map(Self.jsonString)
        for row in result.rows {
            let fields = zip(keys, row).map { key, value in key + ":" + Self.jsonValue(value) }
            output.line("{" + fields.joined(separator: ",") + "}")
        }
    }

    /// Column names made unique for JSON keys: a repeated name gets `_2`, `_3`…
    static func uniqueKeys(_ columns: [String]) -> [String] {
        var used = Set<String>()
        var keys: [String] = []
        for column in columns {
            var key = column
            var number = 2
            while used.contains(key) {
                key = "\(column)_\(number)"
                number += 1
            }
            used.insert(key)
            keys.append(key)
        }
        return keys
    }

    /// A value as text; `nil` for NULL.
    static func text(of value: ReadOnlySQL.Value) -> String? {
        switch value {
        case .null: return nil
        case let .integer(number): return String(number)
        case let .real(number): return String(number)
        case let .text(text): return text
        case let .blob(data): return "x'" + hex(data) + "'"
        }
    }

    static func jsonValue(_ value: ReadOnlySQL.Value) -> String {
        switch value {
        case .null: return "null"
        case let .integer(number): return String(number)
        case let .real(number): return number.isFinite ? String(number) : "null"
        case let .text(text): return jsonString(text)
        case let .blob(data): return jsonString(hex(data))
        }
    }

    static func jsonString(_ text: String) -> String {
        (try? JSONLines.line(text)) ?? "\"\""
    }

    static func hex(_ data: Data) -> String {
        data.map { String(format: "%02x", $0) }.joined()
    }

    /// Tabs, line breaks and backslashes written as `\t`, `\n`, `\r`, `\\`, so a value stays on its line and in its column.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\\" || $0.isNewline }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\r\n": result += "\\r\\n"
            default: result.append(character)
            }
        }
        return result
    }

    static func cut(_ text: String, to width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text
    }
}
