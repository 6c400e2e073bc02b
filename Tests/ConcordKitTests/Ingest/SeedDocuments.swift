import Foundation
@testable import ConcordKit

/// The seed files of the repository, read with ``DocumentReader`` once per test process.
enum SeedDocuments {
    /// The parsed seed whose file name starts with `label` (`"002"`).
    static func parsed(_ label: String) throws -> ParsedDocument {
        guard let document = all.first(where: { $0.sourceName.hasPrefix(label + "_") }) else {
            throw SeedMissing(label: label)
        }
        return document
    }

    /// Every seed, parsed, in file-name order.
    static let all: [ParsedDocument] = SeedCorpus.files.map { DocumentReader().read(text: $0.text, sourceName: $0.name) }

    struct SeedMissing: Error, CustomStringConvertible {
        var label: String
        var description: String { "no seed file starting with \(label)_ in SeedCorpus.files" }
    }
}

extension ParsedDocument {
    var body: [ParsedParagraph] { paragraphs.filter { $0.kind == .text } }
    var headings: [String] { paragraphs.filter { $0.kind == .heading }.map(\.text) }
    var numbers: [Int] { paragraphs.compactMap(\.number) }
    var allText: String { paragraphs.map(\.text).joined(separator: "\n") }

    func paragraph(numbered number: Int) -> ParsedParagraph? { paragraphs.first { $0.number == number } }
}
