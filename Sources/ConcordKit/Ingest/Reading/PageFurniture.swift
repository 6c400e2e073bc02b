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

    /// A line holding only a number of one to three digits.
    static func loneNumber(_ line: String) -> Int? {
        guard (1...3).contains(line.count), line.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(line)
    }

    /// `11-44251`, `11-44251 (E)`, `GE.19-15432 (E) 120819 130819`, `*1144251*`.
    static func isJobNumber(_ line: String) -> Bool {
        line.range(of: #"^(GE\.)?\d{2}-\d{5}[A-Z]?( ?\([A-Z]\))?( [\d*]+)*$"#, options: .regularExpression) != nil
            || line.range(of: #"^\*\d{7,8}\*$"#, options: .regularExpression) != nil
    }

    /// `Page 3`, `3/19`, `- 3 -`.
    static func isPageLabel(_ line: String) -> Bool {
        line.range(of: #"^(Page \d{1,3}( of \d{1,3})?|\d{1,3}/\d{1,3}|[-–] ?\d{1,3} ?[-–])$"#, options: .regularExpression) != nil
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
        word.range(of: #"^[A-Z]{1,8}(/[A-Za-z0-9.\-]+)+$"#, options: .regularExpression) != nil
            && word.contains(where: \.isASCIIDigit)
            && !word.hasSuffix(".")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }

    /// `isLetter`, with a fast answer for ASCII (the Unicode property lookup is costly).
    var isWordLetter: Bool {
        if let ascii = asciiValue { return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) }
        return isLetter
    }
}
