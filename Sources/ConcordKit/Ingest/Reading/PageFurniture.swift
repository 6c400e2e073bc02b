import Foundation

/// Recognises the running heads and feet that PDF conversion leaves between
/// pages of a UN document: the document symbol (`A/66/253`, `CMW/C/SR.452`),
/// the job number (`11-44251`, `GE.19-15432 (E)`), page numbers (`11`,
/// `Page 3`, `3/19`). None of them belongs to a paragraph.
enum PageFurniture {
    /// What a furniture line is.
    enum Kind: Equatable {
        case symbol(String)
        case jobNumber
        case pageNumber(Int)
    }

    /// The kind of furniture `line` is, or `nil` for a line of text.
    static func kind(of line: String) -> Kind? {
        // Furniture is short and holds a digit; checking that first keeps reading fast.
        guard line.utf8.count <= 48, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if let number = loneNumber(line) { return .pageNumber(number) }
        if isJobNumber(line) { return .jobNumber }
        if let symbol = symbolLine(line) { return .symbol(symbol) }
        if isPageLabel(line) { return .pageNumber(0) }
        return nil
    }

    /// A notice printed on a page that is not part of the text ("Please recycle").
    static func isNotice(_ line: String) -> Bool {
        line.hasPrefix("Please recycle") && line.count <= 20
    }

    /// A line holding only a number of one to three digits.
    static func loneNumber(_ line: String) -> Int? {
        guard (1...3).contains(line.count), line.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(line)
    }

    /// `11-44251`, `11-44251 (E)`, `GE.19-15432 (E) 120819 130819`, `*1144251*`.
    static func isJobNumber(_ line: String) -> Bool {
        // (Both expressions need the line to start with `G`, a digit or `*`: the rest skip them.)
        guard let first = line.utf8.first, first == UInt8(ascii: "G") || first == UInt8(ascii: "*") || isDigit(first) else {
            return false
        }
        return line.range(of: #"^(GE\.)?\d{2}-\d{5}[A-Z]?( ?\([A-Z]\))?( [\d*]+)*$"#, options: .regularExpression) != nil
            || line.range(of: #"^\*\d{7,8}\*$"#, options: .regularExpression) != nil
    }

    /// `Page 3`, `3/19`, `- 3 -`.
    static func isPageLabel(_ line: String) -> Bool {
        // (It starts with `P`, a digit, `-` or `–` (0xE2 0x80 0x93): the rest skip the expression.)
        guard let first = line.utf8.first,
              first == UInt8(ascii: "P") || first == UInt8(ascii: "-") || first == 0xE2 || isDigit(first) else {
            return false
        }
        return line.range(of: #"^(Page \d{1,3}( of \d{1,3})?|\d{1,3}/\d{1,3}|[-–] ?\d{1,3} ?[-–])$"#, options: .regularExpression) != nil
    }

    /// The symbol when `line` is a document symbol alone, perhaps beside a page number.
    static func symbolLine(_ line: String) -> String? {
        let words = line.split(separator: " ").map(String.init)
        let symbols = words.filter(isSymbol)
        guard symbols.count == 1, words.count <= 2 else { return nil }
        guard words.allSatisfy({ isSymbol($0) || $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return symbols[0]
    }

    /// A UN document symbol: upper-case series letters, then `/`-separated parts,
    /// at least one part holding a digit (`A/66/253`, `E/C.12/GC/25`, `CMW/C/SR.452`).
    static func isSymbol(_ word: String) -> Bool {
        // (A symbol starts with a capital and holds a `/`: other words skip the expression.)
        guard let first = word.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"),
              word.utf8.contains(UInt8(ascii: "/")) else {
            return false
        }
        return word.range(of: #"^[A-Z]{1,8}(/[A-Za-z0-9.\-]+)+$"#, options: .regularExpression) != nil
            && word.contains(where: \.isASCIIDigit)
            && !word.hasSuffix(".")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }

    /// `isLetter`, with a fast answer for ASCII (the Unicode property lookup is costly).
    var isWordLetter: Bool {
        if let ascii = asciiValue { return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) }
        return isLetter
    }
}
