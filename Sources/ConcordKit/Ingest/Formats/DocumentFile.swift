import Foundation

/// A document file read for ingesting: its text, and where it came from (file name,
/// format, SHA-256 of the file's bytes), with the warnings reading it raised.
public struct DocumentFile: Sendable {
    /// The file's name, without its folder.
    public var sourceName: String
    public var format: DocumentFormat
    /// SHA-256 of the file as stored on disk (for a PDF, of the PDF, not of its text).
    public var fileSHA256: String
    /// Bytes read from disk.
    public var byteCount: Int
    public var text: String
    /// What the user should know, e.g. that the text was converted from Windows-1252.
    public var warnings: [String]

    /// The most text one document may hold, in UTF-8 bytes (the longest UN documents hold a few MB).
    /// Reading, extracting and storing take memory in proportion to a document's length, about
    /// 30 bytes a byte of text: a longer text is refused with the advice to split it.
    public static let maximumTextBytes = 8_000_000

    /// Reads the file at `path`, refusing what cannot be a document: a missing or unreadable
    /// file, a format Concord does not read, binary data, no text at all, or more text than
    /// `maximumTextBytes`.
    public static func read(path: String, maximumTextBytes: Int = maximumTextBytes) throws -> DocumentFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw IngestError.unreadable(path: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IngestError.unreadable(path: path)
        }
        let sourceName = (path as NSString).lastPathComponent
        let format = try Self.format(of: path, data: data)
        var warnings: [String] = []
        let text: String
        switch format {
        case .text:
            text = try Self.plainText(data, path: path, warnings: &warnings)
        case .html:
            text = HTMLTextExtractor.text(of: try Self.plainText(data, path: path, warnings: &warnings))
        case .pdf:
            text = try PDFTextExtractor().text(ofFile: path)
        case .docx:
            text = try DOCXTextExtractor().text(ofFile: path)
        }
        if text.utf8.count > maximumTextBytes {
            throw IngestError.tooLarge(path: path, bytes: text.utf8.count, limit: maximumTextBytes)
        }
        // (What `trimmingCharacters(in:)` would leave empty, without copying the text to find out.)
        guard !text.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) else {
            throw format == .pdf ? IngestError.scannedPDF(path: path) : IngestError.empty(path: path)
        }
        return DocumentFile(
            sourceName: sourceName, format: format, fileSHA256: StableID.sha256Hex(data), byteCount: data.count, text: text,
            warnings: warnings)
    }

    /// The format the file name says; a file without a known extension is read as text when
    /// it starts like text, and refused when it starts like a PDF, a ZIP or another binary.
    static func format(of path: String, data: Data) throws -> DocumentFormat {
        if let format = DocumentFormat(fileName: path) { return format }
        let head = [UInt8](data.prefix(4))
        if head.starts(with: Array("%PDF".utf8)) || head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw IngestError.unsupportedFormat(path: path)
        }
        if !(path as NSString).pathExtension.isEmpty { throw IngestError.unsupportedFormat(path: path) }
        return .text
    }

    /// The bytes of a text file as a string (see ``TextFileDecoding``), refusing binary data.
    static func plainText(_ data: Data, path: String, warnings: inout [String]) throws -> String {
        guard let decoded = TextFileDecoding.decode(data) else { throw IngestError.notText(path: path) }
        if !Ingestor.looksLikeText(decoded.text) { throw IngestError.notText(path: path) }
        if let encoding = decoded.convertedFrom, encoding != "UTF-16" {
            warnings.append("\((path as NSString).lastPathComponent) is not UTF-8; read it as \(encoding) (Latin-1) and converted it")
        }
        return decoded.text
    }
}
