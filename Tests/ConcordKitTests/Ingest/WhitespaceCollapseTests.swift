import ConcordBenchKit
import Foundation
import Testing
@testable import ConcordKit

/// The whitespace collapsers with their fast paths give what the code they replaced gave.
@Suite struct WhitespaceCollapseTests {
    /// The reader's collapse before its fast path: bytes appended one by one.
    static func referenceReaderCollapse(_ text: String) -> String {
        var result: [UInt8] = []
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The assembler's collapse before its fast path.
    static func referenceSurfaceCollapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let samples: [String] = {
        let edges = [
            "", " ", "  ", "a", " a", "a ", "a  b", "a\tb", "a\r\nb", "a \n b", "Côte d’Ivoire", "a\u{00A0}b",
            "a\u{2003}b", "a\u{85}b", "\u{0B}x\u{0C}", "Mr.  Lewis", "Committee on the Rights of the Child",
        ]
        let generator = CorpusGenerator(seed: 3, targetCharacters: 2_000)
        let lines = (0..<4).flatMap { generator.document($0).text.components(separatedBy: "\n") }
        return edges + lines + lines.map { $0 + "  " + $0 }
    }()

    @Test func readerCollapseMatchesTheReference() {
        for sample in Self.samples {
            #expect(Whitespace.collapse(sample) == Self.referenceReaderCollapse(sample), "\(sample.debugDescription)")
        }
    }

    @Test func surfaceCollapseMatchesTheReference() {
        for sample in Self.samples {
            #expect(GraphAssembler.collapse(sample) == Self.referenceSurfaceCollapse(sample), "\(sample.debugDescription)")
        }
        #expect(GraphAssembler.isCollapsedASCII("Benjamin Lewis"))
        #expect(!GraphAssembler.isCollapsedASCII("Benjamin  Lewis"))
    }
}
