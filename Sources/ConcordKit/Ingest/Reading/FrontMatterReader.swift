import Foundation

/// Walks the lines of a title page for ``FrontMatter``, line by line, recording what each says.
struct FrontMatterReader {
    let lines: [String]
    private(set) var frontMatter = FrontMatter()
    private var titleLines: [String] = []
    private var original: String?
    private var version: String?
    private var heldText = ""
    private var inContents = false
    private var firstContentsEntry: String?

    init(lines: [String]) {
        self.lines = lines
    }

    /// Reads the title page; returns the index of the body's first line, or `nil` when none is found.
    mutating func read() -> Int? {
        var index = 0
        var collectingHeld = false
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            if line.isEmpty { continue }
            if collectingHeld, line.first?.isUppercase == false || DateExpressions.months.contains(where: line.hasPrefix) {
                heldText += " " + line
                continue
            }
            collectingHeld = false
            if inContents {
                if FrontMatter.startsBody(line) || Self.normalizedEntry(line) == firstContentsEntry { return finish(at: index) }
                if firstContentsEntry == nil, !Self.isContentsColumnHeading(line) { firstContentsEntry = Self.normalizedEntry(line) }
                continue
            }
            if line.hasPrefix("Held at ") || line.hasPrefix("Held in ") || line.hasPrefix("Held on ") {
                heldText = line
                collectingHeld = true
                continue
            }
            if record(line) { continue }
            if FrontMatter.startsBody(line) { return finish(at: index) }
            if let last = titleLines.last, !LineShape.endsSentence(last),
                line.first?.isLowercase == true || LineShape.endsWithConnector(last)
            {
                titleLines.append(line)
                continue
            }
            if !titleLines.isEmpty { return finish(at: index) }
            titleLines.append(line)
        }
        return nil
    }

    /// Records `line` when it is one of the title page's fixed lines; `false` for any other line.
    private mutating func record(_ line: String) -> Bool {
        if line == "United Nations" || line == "Please recycle" || Self.isEditorialNote(line) { return true }
        if line == "Contents" {
            inContents = true
            return true
        }
        let words = line.split(separator: " ").map(String.init)
        if (line.hasPrefix("United Nations ") && words.count <= 4) || PageFurniture.kind(of: line) != nil
            || (words.count <= 2 && words.contains(where: PageFurniture.isSymbol))
        {
            if frontMatter.symbol == nil { frontMatter.symbol = words.first(where: PageFurniture.isSymbol) }
            return true
        }
        if line.hasPrefix("Distr.") || line.contains(" Distr.:") {
            if frontMatter.metadata.issueDate == nil { frontMatter.metadata.issueDate = DateExpressions.dates(in: line).first }
            return true
        }
        if line.hasPrefix("Original:") {
            original = line.dropFirst("Original:".count).trimmingCharacters(in: .whitespaces)
            return true
        }
        if FrontMatter.languages.contains(line) {
            version = line
            return true
        }
        if words.count <= 4, let date = DateExpressions.dates(in: line).first, !LineShape.endsSentence(line) {
            if frontMatter.metadata.issueDate == nil { frontMatter.metadata.issueDate = date }
            return true
        }
        return recordNames(line, words: words)
    }

    /// Treaty, body, session, chair, byline and adoption lines.
    private mutating func recordNames(_ line: String, words: [String]) -> Bool {
        guard line.count <= 130 else { return false }
        if FrontMatter.treatyPrefixes.contains(where: line.hasPrefix) { return true }
        if FrontMatter.bodyPrefixes.contains(where: line.hasPrefix), titleLines.isEmpty {
            if frontMatter.metadata.body == nil { frontMatter.metadata.body = line }
            return true
        }
        if words.count <= 5, line.lowercased().hasSuffix(" session") || line.lowercased().hasSuffix(" session:") {
            if frontMatter.metadata.session == nil { frontMatter.metadata.session = line.trimmingCharacters(in: [":"]) }
            return true
        }
        if line.hasPrefix("Agenda item") || line.hasPrefix("Item ") && line.contains("agenda") { return true }
        if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 20,
            FrontMatter.chairPrefixes.contains(where: { line.hasPrefix($0) })
        {
            return true
        }
        if line.range(of: #"^(Report|Note) (of|by) the (Secretary-General|Secretariat)$"#, options: .regularExpression) != nil {
            if frontMatter.kind == nil { frontMatter.kind = line.hasPrefix("Note") ? .secretariatNote : .report }
            return true
        }
        if let adopted = line.range(of: #"^(Resolution|Decision) adopted by (the )?"#, options: .regularExpression) {
            frontMatter.kind = line.hasPrefix("Resolution") ? .resolution : .decision
            let rest = line[adopted.upperBound...]
            let body = rest.range(of: " on ").map { String(rest[..<$0.lowerBound]) } ?? String(rest)
            if frontMatter.metadata.body == nil { frontMatter.metadata.body = body }
            frontMatter.metadata.meetingDate = DateExpressions.dates(in: line).first
            return true
        }
        return false
    }

    /// Settles the title, languages, meeting facts and kind once the body is found at `index`.
    private mutating func finish(at index: Int) -> Int {
        if !titleLines.isEmpty {
            var title = Whitespace.collapse(titleLines.joined(separator: " "))
            // "74/132. Report of the Human Rights Council": the resolution's number is not its title.
            if let numbered = title.range(of: #"^\d+/\d+\. "#, options: .regularExpression) { title.removeSubrange(numbered) }
            // Stars mark footnotes ("Summary record (partial)* of …", "* Adopted by the Committee at …").
            title = Whitespace.collapse(title.replacingOccurrences(of: "*", with: ""))
            frontMatter.title = title
        }
        frontMatter.metadata.language = version ?? original
        if !heldText.isEmpty { frontMatter.metadata.meetingDate = DateExpressions.dates(in: heldText).first }
        if let title = frontMatter.title,
            let match = title.range(of: #"\d+(st|nd|rd|th) meeting"#, options: .regularExpression)
        {
            frontMatter.metadata.meetingNumber = Int(title[match].prefix { $0.isASCIIDigit })
        }
        let byTitle = frontMatter.title.flatMap(FrontMatter.kind(ofTitle:))
        let bySymbol = frontMatter.symbol.flatMap(FrontMatter.kind(ofSymbol:))
        if frontMatter.kind != .resolution && frontMatter.kind != .decision {
            frontMatter.kind = byTitle ?? bySymbol ?? frontMatter.kind
        }
        return index
    }

    /// A Contents entry without its dot leaders and page or paragraph numbers, to find it again as a heading.
    static func normalizedEntry(_ line: String) -> String {
        var text = line
        if let leaders = text.range(of: #"(\s*\.){3,}.*$"#, options: .regularExpression) { text.removeSubrange(leaders) }
        while let last = text.last, last.isASCIIDigit || last == " " || last == "–" || last == "-" { text.removeLast() }
        return Whitespace.collapse(text)
    }

    private static func isEditorialNote(_ line: String) -> Bool { line.hasPrefix("[") && line.hasSuffix("]") }

    /// The column headings of a Contents table ("Chapter", "Paragraphs Page"), which are not entries.
    static func isContentsColumnHeading(_ line: String) -> Bool {
        line.split(separator: " ").allSatisfy { ["Chapter", "Paragraphs", "Page", "Pages", "Annex", "Annexes"].contains($0) }
    }
}
