import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the text of a Word (.docx) file directly: the paragraphs of the ZIP archive's
/// `word/document.xml`, in order, each with the number Word's automatic numbering prints
/// before it (`12.`, `(a)`), one paragraph per line with a blank line between them.
///
/// Deleted text of tracked changes, field codes and footnote bodies are left out; tabs
/// and line breaks inside a paragraph become spaces.
struct DOCXTextExtractor: Sendable {
    /// The text of the .docx file at `path`.
    func text(ofFile path: String) throws -> String {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw IngestError.unreadableFormat(
                path: path, format: .docx, reason: "not a ZIP archive (an old .doc renamed? save it as .docx or PDF)")
        }
        guard let document = try Self.contents(of: "word/document.xml", in: archive, path: path) else {
            throw IngestError.unreadableFormat(path: path, format: .docx, reason: "it has no word/document.xml")
        }
        let numbering = try Self.contents(of: "word/numbering.xml", in: archive, path: path)
            .map(DOCXNumbering.init(xml:)) ?? DOCXNumbering()
        let reader = DOCXParagraphReader(numbering: numbering)
        let parser = XMLParser(data: document)
        parser.delegate = reader
        guard parser.parse() else {
            throw IngestError.unreadableFormat(path: path, format: .docx, reason: "its word/document.xml is not well-formed XML")
        }
        return reader.paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// The bytes of the archive member `member`, or `nil` when there is none.
    private static func contents(of member: String, in archive: Archive, path: String) throws -> Data? {
        guard let entry = archive[member] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        } catch {
            throw IngestError.unreadableFormat(path: path, format: .docx, reason: "its \(member) cannot be unpacked")
        }
        return data
    }
}

/// Collects the paragraphs of `word/document.xml` as an `XMLParser` delegate.
final class DOCXParagraphReader: NSObject, XMLParserDelegate {
    private(set) var paragraphs: [String] = []
    private var numbering: DOCXNumbering
    private var text = ""
    private var inText = false
    private var depthInParagraph = 0
    private var numberID: String?
    private var level = 0

    init(numbering: DOCXNumbering) {
        self.numbering = numbering
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "w:p":
            depthInParagraph += 1
            if depthInParagraph == 1 {
                text = ""
                numberID = nil
                level = 0
            }
        case "w:t": inText = true
        case "w:tab", "w:br", "w:cr": if depthInParagraph > 0 { text += " " }
        case "w:numId": numberID = attributes["w:val"]
        case "w:ilvl": level = attributes["w:val"].flatMap(Int.init) ?? 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "w:t": inText = false
        case "w:p":
            depthInParagraph -= 1
            guard depthInParagraph == 0 else { return }
            let body = Whitespace.collapse(text)
            guard !body.isEmpty else { return }
            if let numberID, let label = numbering.next(numberID: numberID, level: level), !label.isEmpty {
                paragraphs.append(label + " " + body)
            } else {
                paragraphs.append(body)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }
}
