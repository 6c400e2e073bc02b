/// The list commands' output in a pipe or a file (``Console/isPipe``): a header line,
/// then one line per row with the cells separated by tabs, whole and untruncated,
/// as `sql` prints in a pipe. Tabs, line breaks and backslashes inside a cell are
/// written `\t`, `\n`, `\r`, `\\`, so every row stays on one line and in its columns.
enum TabSeparatedLines {
    static func write(header: [String], rows: [[String]], to console: Console) {
        console.line(header.map(SqlResultRenderer.escaped).joined(separator: "\t"))
        for row in rows { console.line(row.map(SqlResultRenderer.escaped).joined(separator: "\t")) }
    }
}
