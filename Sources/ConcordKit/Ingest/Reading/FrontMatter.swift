import Foundation

/// The title page of a UN document — symbol, `Distr.` line, date of issue, language lines,
/// `Original:`, GE job numbers, "Please recycle", treaty and body names, session, title,
/// "Held at …" and "Chair:" lines, and the Contents table — read as metadata, so none of it
/// becomes a paragraph or a heading.
///
/// A text has a title page only when its first lines show one (a `Distr.` or `Original:`
/// line, "United Nations", or a symbol alone on the first line); otherwise nothing is taken.
/// The body starts at the first line that cannot belong to a title page: an opening formula
/// ("The meeting was called to order at …"), a numbered paragraph, a long line of prose, or
/// after the Contents table, the repetition of its first entry.
struct FrontMatter: Sendable {
    /// Index of the first line of the body (0 when the text has no title page).
    var bodyStart = 0
    var symbol: String?
    var title: String?
    var kind: DocumentKind?
    var metadata = DocumentMetadata()

    /// The UN's official languages, as a title page names the language of a version.
    static let languages: Set<String> = ["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]
    /// How bodies that issue documents or meet begin their names.
    static let bodyPrefixes = [
        "Committee on ", "Committee against ", "Human Rights Committee", "Human Rights Council", "General Assembly",
        "Security Council", "Economic and Social Council", "Conference of States Parties", "Subcommittee on ",
        "Meeting of States Parties", "Working Group on ",
    ]
    static let treatyPrefixes = [
        "Convention on ", "Convention against ", "International Convention ", "International Covenant ", "Optional Protocol ",
    ]
    static let chairPrefixes = ["Chair", "Chairperson", "Chairman", "President", "Acting Chair", "later", "Later"]

    init() {}

    /// Reads the title page at the start of `lines`.
    init(lines: [String]) {
        guard Self.hasTitlePage(lines) else { return }
        var reader = FrontMatterReader(lines: lines)
        guard let end = reader.read(), end < lines.count else { return }
        self = reader.frontMatter
        bodyStart = end
    }

    /// Whether the first dozen non-blank lines show a title page.
    static func hasTitlePage(_ lines: [String]) -> Bool {
        let opening = lines.lazy.filter { !$0.isEmpty }.prefix(12)
        if let first = opening.first, PageFurniture.isSymbol(first) { return true }
        return opening.contains { line in
            line.hasPrefix("Distr.") || line.contains(" Distr.:") || line.hasPrefix("Original:")
                || line == "United Nations" || (line.hasPrefix("United Nations ") && line.split(separator: " ").count <= 4)
        }
    }

    /// A line that can only start a body: an opening formula, a numbered paragraph, or long prose.
    static func startsBody(_ line: String) -> Bool {
        let lower = LiteralSearch.asciiLowercased(line)
        if DocumentFacts.summaryRecordOpenings.contains(where: { lower.hasPrefix($0) }) { return true }
        if lower.hasPrefix("in the absence of ") { return true }
        if LineShape.leadingNumber(line) != nil { return true }
        if line.hasPrefix("The ") && line.hasSuffix(",") && line.split(separator: " ").count <= 5 { return true }  // "The General Assembly,"
        return line.count > 160 || (line.count > 80 && LineShape.endsSentence(line))
    }

    /// The kind a title says (`Concluding observations on …`), if it says one.
    static func kind(ofTitle title: String) -> DocumentKind? {
        let lower = title.lowercased()
        if lower.hasPrefix("summary record") { return .summaryRecord }
        if lower.hasPrefix("concluding observations") { return .concludingObservations }
        if lower.hasPrefix("list of issues") { return .listOfIssues }
        if lower.hasPrefix("general comment") || lower.hasPrefix("general recommendation") { return .generalComment }
        if lower.hasPrefix("note by the secretariat") || lower.hasPrefix("note by the secretary-general") { return .secretariatNote }
        if lower.hasPrefix("report of") || lower.hasPrefix("report on") { return .report }
        return nil
    }

    /// The kind a symbol says (`CRC/C/LUX/CO/3-4` → concluding observations), if it says one.
    static func kind(ofSymbol symbol: String) -> DocumentKind? {
        let parts = symbol.split(separator: "/").map(String.init)
        if parts.contains(where: { $0.hasPrefix("SR.") }) { return .summaryRecord }
        if parts.contains("CO") { return .concludingObservations }
        if parts.contains("Q") || parts.contains("QPR") || parts.contains("LOI") { return .listOfIssues }
        if parts.contains("GC") || parts.contains("GR") { return .generalComment }
        if parts.contains("RES") { return .resolution }
        if parts.contains("DEC") { return .decision }
        return nil
    }
}
