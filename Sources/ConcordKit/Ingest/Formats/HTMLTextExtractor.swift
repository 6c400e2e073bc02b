/// The text of a web page (an OHCHR or ODS page, a saved Word document): block elements
/// become paragraphs separated by blank lines, list items of numbered lists get their
/// number, character references are decoded, and what is not the document — scripts,
/// styles, navigation, page headers and footers, forms — is left out.
///
/// It reads HTML as browsers tolerate it (unclosed `<p>`, upper-case tags, unquoted
/// attributes) with a small scanner rather than an XML parser, which real pages defeat.
enum HTMLTextExtractor {
    /// Elements whose whole content is dropped.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "head", "button",
        "select", "iframe", "object",
    ]
    /// Elements that start and end a paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article", "main", "blockquote",
        "dd", "dt", "dl", "pre", "hr", "ul", "ol", "title", "body", "td", "th", "center", "address", "figure", "figcaption",
    ]

    /// The page's text.
    static func text(of html: String) -> String {
        var scanner = HTMLScanner(Array(html.unicodeScalars))
        var output = String.UnicodeScalarView()
        var skipping: [String] = []
        var orderedLists: [Int?] = []
        while let token = scanner.next() {
            switch token {
            case let .text(scalars):
                if skipping.isEmpty { output.append(contentsOf: HTMLEntities.decode(scalars)) }
            case let .open(name, attributes):
                if skippedElements.contains(name) || attributes.contains("hidden") || attributes.contains("display:none") {
                    if !isVoid(name) { skipping.append(name) }
                    continue
                }
                guard skipping.isEmpty else { continue }
                if name == "br" { output.append("\n") }
                if blockElements.contains(name) { output.append(contentsOf: "\n\n".unicodeScalars) }
                if name == "ol" { orderedLists.append(1) } else if name == "ul" { orderedLists.append(nil) }
                if name == "li", let last = orderedLists.last, let number = last {
                    output.append(contentsOf: "\(number). ".unicodeScalars)
                    orderedLists[orderedLists.count - 1] = number + 1
                }
            case let .close(name):
                if let last = skipping.last {
                    if last == name { skipping.removeLast() }
                    continue
                }
                if name == "ol" || name == "ul", !orderedLists.isEmpty { orderedLists.removeLast() }
                if blockElements.contains(name) { output.append(contentsOf: "\n\n".unicodeScalars) }
            }
        }
        return paragraphs(of: String(output))
    }

    /// Each paragraph on one line (whitespace collapsed), a blank line between paragraphs.
    private static func paragraphs(of text: String) -> String {
        var result: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { result.append(Whitespace.collapse(current.joined(separator: " "))) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(Whitespace.collapse(current.joined(separator: " "))) }
        return result.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private static func isVoid(_ name: String) -> Bool {
        ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"].contains(name)
    }
}

/// Splits HTML into text runs and tags; comments, doctype and processing instructions are skipped.
struct HTMLScanner {
    enum Token {
        case text(ArraySlice<Unicode.Scalar>)
        /// A start tag: its lower-case name and its attributes as written, lower-cased, spaces removed.
        case open(String, String)
        case close(String)
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func next() -> Token? {
        while index < scalars.count {
            guard scalars[index] == "<" else {
                let start = index
                while index < scalars.count, scalars[index] != "<" { index += 1 }
                return .text(scalars[start..<index])
            }
            if starts(with: "<!--") {
                index = position(of: "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                continue
            }
            let tagStart = index
            guard let end = position(of: ">", from: index + 1) else {
                index = scalars.count
                return nil
            }
            let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).lowercased()
            index = end + 1
            if inside.hasPrefix("!") || inside.hasPrefix("?") { continue }
            if inside.hasPrefix("/") {
                return .close(String(inside.dropFirst().prefix { $0.isLetter || $0.isNumber }))
            }
            let name = String(inside.prefix { $0.isLetter || $0.isNumber })
            guard !name.isEmpty else { return .text(scalars[tagStart...end]) }
            let attributes = String(inside.dropFirst(name.count).filter { $0 != " " })
            if name == "script" || name == "style" {
                // Raw text: everything up to the closing tag, which may hold `<`.
                let close = position(of: "</\(name)", from: index, caseInsensitive: true) ?? scalars.count
                index = close
            }
            return .open(name, attributes)
        }
        return nil
    }

    private func starts(with prefix: String) -> Bool {
        position(of: prefix, from: index) == index
    }

    private func position(of needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let pattern = Array((caseInsensitive ? needle.lowercased() : needle).unicodeScalars)
        guard !pattern.isEmpty, start + pattern.count <= scalars.count else { return nil }
        var candidate = start
        while candidate + pattern.count <= scalars.count {
            var matched = true
            for offset in 0..<pattern.count {
                var scalar = scalars[candidate + offset]
                if caseInsensitive, scalar.value >= 65, scalar.value <= 90, let lower = Unicode.Scalar(scalar.value + 32) {
                    scalar = lower
                }
                if scalar != pattern[offset] {
                    matched = false
                    break
                }
            }
            if matched { return candidate }
            candidate += 1
        }
        return nil
    }
}
