import Foundation
import Testing
@testable import ConcordKit

/// `concord ingest FOLDER` end to end, on a folder of every format, with subfolders,
/// the same text in several encodings, and files it cannot read.
@Suite struct IngestFolderTests {
    /// The fixtures copied into `folder/documents` (the PDF under a subfolder), plus an
    /// OpenDocument file Concord does not read and a hidden file it leaves alone.
    static func mixedFolder() throws -> (folder: String, documents: String) {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let documents = folder + "/documents"
        try FileManager.default.createDirectory(atPath: documents + "/pdf", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: DocumentFixtures.folder) {
            let target = name.hasSuffix(".pdf") ? documents + "/pdf/" + name : documents + "/" + name
            try FileManager.default.copyItem(atPath: DocumentFixtures.path(name), toPath: target)
        }
        try Data("PK\u{3}\u{4}".utf8).write(to: URL(fileURLWithPath: documents + "/minutes.odt"))
        try "ignored".write(toFile: documents + "/.hidden.txt", atomically: true, encoding: .utf8)
        return (folder, documents)
    }

    @Test func everyFileIsIngestedOrRefusedOnItsOwn() throws {
        let (folder, documents) = try Self.mixedFolder()
        let database = folder + "/concord.db"
        let result = try ConcordProcess.run(["ingest", documents, "--db", database, "--seeds", IngestCommandTests.smallStore().seeds])
        #expect(result.status == 1, "minutes.odt is refused")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(!result.output.contains(".hidden.txt"))
        // One line per document in a pipe; the same text in other encodings is already there.
        let sameText = lines.filter { $0.contains("CRC-C-SR.1845") }
        #expect(sameText.filter { $0.contains(": added") }.count == 1)
        #expect(sameText.filter { $0.contains("already in the knowledge base") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("warning: CRC-C-SR.1845-windows-1252.txt is not UTF-8") })
        for name in ["A-RES-74-132.txt", "CCPR-C-SR.3307.html", "CERD-C-PHL-CO-21-25.txt", "CRC-C-SR.1846.docx"] {
            #expect(lines.contains { $0.contains("\(name): added") }, "\(name)")
        }
        #expect(lines.contains { $0.contains("minutes.odt: refused: ") && $0.contains("cannot read .odt files") })
        #expect(lines.suffix(2) == ["refused:", lines.last ?? ""] && lines.last?.contains("minutes.odt") == true)
        let stats = try ConcordProcess.run(["stats", "--json", "--db", database])
        #expect(stats.output.contains(#""meeting_number":1845"#))
        #expect(stats.output.contains(#""kind":"concluding_observations""#))
        #expect(stats.output.contains(#""kind":"resolution""#))
        #expect(stats.output.contains(#""format":"docx""#))
        let doc = try ConcordProcess.run(["doc", "CRC/C/SR.1845", "--db", database])
        #expect(doc.status == 0, "\(doc.errors)")
        #expect(doc.output.contains("held 2013-10-04") && doc.output.contains("issued 2013-11-20"))
        #expect(doc.output.contains("Sixty-fourth session") && doc.output.contains("meeting no. 1845"))
    }

    @Test(.enabled(if: DocumentFixtures.hasPDFToText, "pdftotext (Debian: poppler-utils) is not installed"))
    func aPDFInASubfolderIsIngested() throws {
        let (folder, documents) = try Self.mixedFolder()
        let result = try ConcordProcess.run(
            ["ingest", documents + "/pdf", "--db", folder + "/concord.db", "--seeds", IngestCommandTests.smallStore().seeds])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("CRC-C-SR.1846.pdf: added"))
    }

    @Test func aMissingPDFToolIsOneLineNamingThePackage() throws {
        let (folder, documents) = try Self.mixedFolder()
        let result = try ConcordProcess.run(
            ["ingest", documents + "/pdf", "--db", folder + "/concord.db", "--seeds", IngestCommandTests.smallStore().seeds],
            environment: ["PATH": folder])
        #expect(result.status == 1)
        #expect(result.output.contains("needs poppler's pdftotext; install poppler-utils"))
    }
}

/// `--seeds` reads a Windows-1252 file as `ingest` does: converted, with a warning, never mojibake.
@Suite struct SeedEncodingTests {
    @Test func aWindows1252SeedIsConvertedWithAWarning() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        try FileManager.default.copyItem(
            atPath: DocumentFixtures.path("CRC-C-SR.1845-windows-1252.txt"), toPath: folder + "/001_latin.txt")
        let files = try SeedCorpus.files(in: folder)
        #expect(files.count == 1)
        #expect(files[0].text.contains("Committee’s report"))
        #expect(files[0].warning?.contains("Windows-1252") == true)
        let result = try ConcordProcess.run(["stats", "--db", folder + "/concord.db", "--seeds", folder])
        #expect(result.errors.contains("warning: 001_latin.txt is not UTF-8"))
    }

    @Test func anEmptyFolderIsAnErrorNotASilentSuccess() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        let result = try ConcordProcess.run(
            ["ingest", folder + "/empty", "--db", folder + "/concord.db", "--seeds", IngestCommandTests.smallStore().seeds])
        #expect(result.status != 0)
        #expect(result.errors.contains("holds no files to ingest"))
    }
}

/// On a terminal, `ingest` redraws one progress line (count, MB/s, time left) and ends with a summary.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed"))
struct IngestProgressTerminalTests {
    @Test func aTerminalGetsAProgressLineAndASummary() throws {
        let (folder, documents) = try IngestFolderTests.mixedFolder()
        let session = try TerminalSession(
            arguments: ["ingest", documents, "--db", folder + "/concord.db", "--seeds", IngestCommandTests.smallStore().seeds],
            environment: ["TERM": "screen", "NO_COLOR": "1"])
        let screen = try session.waitFor("[exit 1]")
        #expect(screen.contains("refused, of 10 files"), "\(screen)")
        #expect(screen.contains("refused: ") && screen.contains("minutes.odt"))
        #expect(screen.contains("warning: CRC-C-SR.1845-windows-1252.txt is not UTF-8"))
        // In place of one line per document: none of the pipe's "[n/10] name: added" lines.
        #expect(!screen.contains("[1/10]"))
    }
}
