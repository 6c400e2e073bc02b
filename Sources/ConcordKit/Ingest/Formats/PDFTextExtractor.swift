import Foundation

/// Extracts the text of a PDF with poppler's `pdftotext` (Debian's `poppler-utils`), found on
/// the search path when it is needed, like Graphviz's `dot`.
///
/// `pdftotext` keeps the reading order and ends every page with a form feed, which
/// ``DocumentReader`` uses to find page breaks; it is run without `-layout`, so text in
/// columns comes out a column at a time instead of interleaved.
struct PDFTextExtractor: Sendable {
    let searchPath: String

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// The `pdftotext` executable on the search path, if any.
    var executable: String? {
        searchPath.split(separator: ":").map { String($0) + "/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text of the PDF at `path`, as UTF-8.
    func text(ofFile path: String) throws -> String {
        guard let executable else { throw IngestError.pdfToolMissing(path: path) }
        let finished: ChildProcess.Result
        do {
            finished = try ChildProcess.run([executable, "-enc", "UTF-8", "-eol", "unix", path, "-"])
        } catch {
            throw IngestError.pdfToolMissing(path: path)
        }
        guard finished.status == 0 else {
            let message = String(decoding: finished.errors, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw IngestError.unreadableFormat(path: path, format: .pdf, reason: message ?? "pdftotext exit status \(finished.status)")
        }
        return String(decoding: finished.output, as: UTF8.self)
    }
}
