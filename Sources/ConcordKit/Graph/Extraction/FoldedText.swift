import Foundation

/// A paragraph's letters and digits only, case- and accent-folded, with the
/// letters OCR most often confuses made equal (l, 1 → i; 0 → o), each folded
/// unit remembering where it came from.
///
/// Gazetteer names are matched against this form, so "Workersand Membersof Thelr
/// Families" still matches "Workers and Members of Their Families".
struct FoldedText {
    /// Folded units (ASCII for Latin letters; other scripts lowercased as they are).
    let units: [UInt16]
    /// UTF-16 offset in the paragraph of each folded unit.
    let origins: [Int]
    /// Whether each folded unit starts a word in the paragraph.
    let startsWord: [Bool]
    /// Whether each folded unit was a capital letter in the paragraph.
    let wasCapital: [Bool]
    /// Number of word breaks (spaces, hyphens) in the paragraph before each folded unit.
    let breaksBefore: [Int]

    /// The folded form of `text` (read as the UTF-16 units `NSString` and `NSRange` count).
    init(_ text: String) {
        let utf16 = text.utf16
        var units: [UInt16] = [], origins: [Int] = [], startsWord: [Bool] = []
        var wasCapital: [Bool] = [], breaksBefore: [Int] = []
        units.reserveCapacity(utf16.count)
        var previousWasWordCharacter = false
        var breaks = 0
        for (offset, unit) in utf16.enumerated() {
            guard let folded = FoldedText.fold(unit) else {
                if previousWasWordCharacter, unit == 0x20 || unit == 0x2D || unit == 0x09 || unit == 0x0A { breaks += 1 }
                if !FoldedText.isJoiner(unit) { previousWasWordCharacter = false }
                continue
            }
            units.append(folded)
            origins.append(offset)
            startsWord.append(!previousWasWordCharacter)
            wasCapital.append(FoldedText.isCapital(unit))
            breaksBefore.append(breaks)
            previousWasWordCharacter = true
        }
        self.units = units
        self.origins = origins
        self.startsWord = startsWord
        self.wasCapital = wasCapital
        self.breaksBefore = breaksBefore
    }

    /// The folded form of a name, for building tries.
    static func fold(name: String) -> [UInt16] {
        name.utf16.compactMap { fold($0) }
    }

    /// Word breaks in a name (spaces and hyphens between words).
    static func breaks(in name: String) -> Int {
        name.split(whereSeparator: { $0 == " " || $0 == "-" }).count - 1
    }

    /// Apostrophes inside a word ("Peoples’") do not end it.
    private static func isJoiner(_ unit: UInt16) -> Bool { unit == 0x27 || unit == 0x2019 }

    static func isCapital(_ unit: UInt16) -> Bool {
        (0x41...0x5A).contains(unit) || ((0xC0...0xDE).contains(unit) && unit != 0xD7) || (0x391...0x3A9).contains(unit)
            || (0x410...0x42F).contains(unit) || ((0x100...0x17F).contains(unit) && unit % 2 == 0)
    }

    /// The folded unit for `unit`, or `nil` when it is not a letter or digit.
    static func fold(_ unit: UInt16) -> UInt16? {
        if unit < UInt16(table.count) {
            let folded = table[Int(unit)]
            return folded == 0 ? nil : folded
        }
        if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) { return nil }
        guard let scalar = Unicode.Scalar(unit), scalar.properties.isAlphabetic else { return nil }
        return unit
    }

    /// Folded forms of U+0000–U+024F, built once.
    private static let table: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x250)
        for code in 0..<0x250 {
            guard let scalar = Unicode.Scalar(code) else { continue }
            let properties = scalar.properties
            guard properties.isAlphabetic || properties.numericType != nil else { continue }
            let base = String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            guard let first = base.utf16.first else { continue }
            var folded = first
            switch folded {
            case 0x6C, 0x31: folded = 0x69  // l, 1 → i
            case 0x30: folded = 0x6F  // 0 → o
            default: break
            }
            table[code] = folded
        }
        return table
    }()
}
