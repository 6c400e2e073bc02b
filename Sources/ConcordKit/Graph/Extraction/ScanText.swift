import Foundation

/// A paragraph's UTF-16 units with the tests hand-written scanners make at an offset, each
/// as ICU makes it (classes from ``ScanClasses``). Only built for text the scanners handle.
struct ScanText {
    let units: [UInt16]

    var count: Int { units.count }

    /// Whether the unit at `offset` (in range) has every one of `flags`.
    @inline(__always)
    func has(_ flags: ScanClasses.Flags, at offset: Int) -> Bool {
        offset >= 0 && offset < units.count && ScanClasses.flags(units[offset]).isSuperset(of: flags)
    }

    /// Whether the unit at `offset` (in range) has any of `flags`.
    @inline(__always)
    func hasAny(_ flags: ScanClasses.Flags, at offset: Int) -> Bool {
        offset >= 0 && offset < units.count && !ScanClasses.flags(units[offset]).isDisjoint(with: flags)
    }

    @inline(__always)
    func unit(at offset: Int) -> UInt16? { offset >= 0 && offset < units.count ? units[offset] : nil }

    /// `\b` at `offset`: a word character on one side only (the text handled has no marks
    /// or format characters, which ICU would skip).
    func isBoundary(_ offset: Int) -> Bool {
        has(.word, at: offset - 1) != has(.word, at: offset)
    }

    /// The offset after the run of `\s` starting at `offset` (`offset` itself when there is none).
    func spaceEnd(from offset: Int) -> Int { runEnd(of: .space, from: offset) }

    /// The offset after the run of units having `flags` starting at `offset`.
    func runEnd(of flags: ScanClasses.Flags, from offset: Int) -> Int {
        var end = offset
        while has(flags, at: end) { end += 1 }
        return end
    }

    /// The end of `literal` (ASCII) printed at `offset`, ignoring the case of ASCII letters as a
    /// case-insensitive expression does on the text handled; `nil` when it is not there.
    func endOfFolded(_ literal: [UInt8], at offset: Int) -> Int? {
        guard offset >= 0, offset + literal.count <= units.count else { return nil }
        for (index, byte) in literal.enumerated() {
            let unit = units[offset + index]
            guard unit < 0x80 else { return nil }
            let lowered = (0x41...0x5A).contains(unit) ? unit | 0x20 : unit
            if lowered != UInt16(byte) { return nil }
        }
        return offset + literal.count
    }

    /// The end of `literal` (ASCII) printed exactly at `offset`, or `nil`.
    func endOfExact(_ literal: [UInt8], at offset: Int) -> Int? {
        guard offset >= 0, offset + literal.count <= units.count else { return nil }
        for (index, byte) in literal.enumerated() where units[offset + index] != UInt16(byte) { return nil }
        return offset + literal.count
    }

    /// The first of `literals` printed at `offset` (ignoring ASCII case), as an alternation tries them: its index and end.
    func firstFolded(of literals: [[UInt8]], at offset: Int) -> (index: Int, end: Int)? {
        for (index, literal) in literals.enumerated() {
            if let end = endOfFolded(literal, at: offset) { return (index, end) }
        }
        return nil
    }
}
