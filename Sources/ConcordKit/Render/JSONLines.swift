import Foundation

/// One JSON object per line, keys sorted, for scripts (`--json`).
///
/// The shapes written by each command are part of Concord's interface: tests pin
/// them, and a change to one is a breaking change.
public enum JSONLines {
    /// Encodes `value` as a single line of JSON.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
