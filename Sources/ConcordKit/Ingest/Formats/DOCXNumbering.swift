import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word's automatic paragraph numbering (`word/numbering.xml`): for each list and level,
/// the format (`decimal`, `lowerLetter`, `lowerRoman`, …), the start value and the label
/// template (`%1.`, `(%2)`), and the counters while the document is read.
struct DOCXNumbering: Sendable {
    /// One level of a list definition.
    struct Level: Sendable {
        var format = "decimal"
        var start = 1
        var template = ""
    }

    /// Levels of each abstract list definition, by its id.
    private var definitions: [String: [Int: Level]] = [:]
    /// Abstract definition of each list (`w:num`), by its id.
    private var lists: [String: String] = [:]
    /// Current counter of each abstract definition's levels.
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(xml: Data) {
        let reader = NumberingReader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        _ = parser.parse()
        definitions = reader.definitions
        lists = reader.lists
    }

    /// The label of the next paragraph of list `numberID` at `level` (`12.`, `(a)`); `nil` for no list.
    mutating func next(numberID: String, level: Int) -> String? {
        guard numberID != "0", let abstract = lists[numberID], let levels = definitions[abstract],
            let definition = levels[level]
        else { return nil }
        var current = counters[abstract, default: [:]]
        current[level] = (current[level] ?? (definition.start - 1)) + 1
        for deeper in current.keys where deeper > level { current[deeper] = nil }
        counters[abstract] = current
        guard definition.format != "none", definition.format != "bullet" else { return nil }
        var label = definition.template
        for (index, value) in current.sorted(by: { $0.key < $1.key }) {
            let format = levels[index]?.format ?? "decimal"
            label = label.replacingOccurrences(of: "%\(index + 1)", with: Self.formatted(value, as: format))
        }
        return label
    }

    /// `value` printed in Word's numbering `format`.
    static func formatted(_ value: Int, as format: String) -> String {
        switch format {
        case "lowerLetter": return letters(value)
        case "upperLetter": return letters(value).uppercased()
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        default: return String(value)
        }
    }

    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(UnicodeScalar(UInt8(97 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let numerals: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
            (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var result = ""
        for (amount, numeral) in numerals {
            while rest >= amount {
                result += numeral
                rest -= amount
            }
        }
        return result
    }
}

/// Reads `word/numbering.xml` as an `XMLParser` delegate.
private final class NumberingReader: NSObject, XMLParserDelegate {
    var definitions: [String: [Int: DOCXNumbering.Level]] = [:]
    var lists: [String: String] = [:]
    private var abstractID: String?
    private var level: Int?
    private var numberID: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let value = attributes["w:val"]
        switch elementName {
        case "w:abstractNum": abstractID = attributes["w:abstractNumId"]
        case "w:lvl":
            level = attributes["w:ilvl"].flatMap(Int.init)
            if let abstractID, let level { definitions[abstractID, default: [:]][level] = DOCXNumbering.Level() }
        case "w:start": update { $0.start = value.flatMap(Int.init) ?? 1 }
        case "w:numFmt": update { $0.format = value ?? "decimal" }
        case "w:lvlText": update { $0.template = value ?? "" }
        case "w:num": numberID = attributes["w:numId"]
        case "w:abstractNumId": if let numberID, let value { lists[numberID] = value }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "w:lvl": level = nil
        case "w:abstractNum": abstractID = nil
        case "w:num": numberID = nil
        default: break
        }
    }

    private func update(_ change: (inout DOCXNumbering.Level) -> Void) {
        guard let abstractID, let level, numberID == nil else { return }
        change(&definitions[abstractID, default: [:]][level, default: DOCXNumbering.Level()])
    }
}
