import Foundation

/// The bounds a change received from a peer must keep (documented in `sync/FORMAT.md`, "Validation").
///
/// Sizes are in UTF-8 bytes. A value over its bound refuses the whole file.
public enum IncomingLimits {
    /// An entity name, an alias (and its normalized form), an attribute name, a predicate, a kind, an id.
    public static let nameBytes = 64 * 1024
    /// A note or tag, a summary, an attribute value, a paragraph's text, any other text column.
    public static let textBytes = 1024 * 1024
    /// One change's SQLite changeset (an ingest of a long document is one change).
    public static let changesetBytes = 64 * 1024 * 1024
    /// A change's author name (as the file format already bounds it).
    public static let authorBytes = 4096
    /// A change's summary line.
    public static let summaryBytes = 1024 * 1024
    /// How far a change's hybrid-logical-clock timestamp may be ahead of the receiver's wall clock.
    public static let clockDrift: TimeInterval = 60 * 60

    /// The bound of a column's text values.
    static func bytes(table: String, column: String) -> Int {
        switch (table, column) {
        case ("entities", "summary"), ("entity_attributes", "value"), ("annotations", "body"), ("paragraphs", "text"),
            ("paragraphs", "section"), ("documents", "title"):
            return textBytes
        default:
            return nameBytes
        }
    }
}
