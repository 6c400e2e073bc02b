/// The file formats `ingest` reads, recognised by the file name's extension.
public enum DocumentFormat: String, CaseIterable, Codable, Sendable {
    /// Plain text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
    /// or Windows-1252 / Latin-1, converted with a warning.
    case text = "txt"
    /// PDF, its text extracted by poppler's `pdftotext`.
    case pdf
    /// Word 2007+ (Office Open XML), read directly from its `word/document.xml`.
    case docx
    /// A web page: its text without navigation, scripts and styles.
    case html

    /// The format a file name says, or `nil` when Concord cannot read it.
    public init?(fileName: String) {
        let name = fileName.lowercased()
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...] {
        case "txt", "text": self = .text
        case "pdf": self = .pdf
        case "docx": self = .docx
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }

    /// The extensions Concord reads, as the user types them.
    public static let extensionList = ".txt, .pdf, .docx, .html/.htm"
}
