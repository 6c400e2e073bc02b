/// Aligned columns of text for a terminal: each column as wide as its widest
/// cell, the last column truncated with "…" so a row fits `width`.
public struct TextTable: Sendable {
    public var header: [String]?
    public var rows: [[String]]

    public init(header: [String]? = nil, rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines (no trailing newline on each).
    public func lines(width: Int = 80, separator: String = "  ") -> [String] {
        // Cells hold data: control characters are shown, never sent to the terminal.
        let all = ((header.map { [$0] } ?? []) + rows).map { row in row.map(TerminalText.escaped) }
        guard let columnCount = all.map(\.count).max(), columnCount > 0 else { return [] }
        var widths = Array(repeating: 0, count: columnCount)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return all.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                if index == row.count - 1 {
                    let room = max(8, width - line.count)
                    line += cell.count > room ? String(cell.prefix(room - 1)) + "…" : cell
                } else {
                    line += TextWrapper.padded(cell, to: widths[index]) + separator
                }
            }
            return line
        }
    }
}
