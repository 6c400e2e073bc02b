import Foundation
import Testing
@testable import ConcordKit

/// Checks that the development set in `Tests/Fixtures/devset/` is well-formed:
/// enough short excerpts, each annotated, annotations that only name what the
/// excerpt prints, and none of the documents held out for review.
///
/// The format is described in `Tests/Fixtures/README.md`.
@Suite struct DevSetFixtureTests {
    struct AnnotatedEntity: Decodable {
        var kind: String
        var name: String
        var aliases: [String]
        var core: Bool
        var note: String?
    }

    struct AnnotatedRelation: Decodable {
        var subject: String
        var predicate: String
        var object: String
        var subject_kind: String
        var object_kind: String
    }

    struct AnnotatedMeeting: Decodable {
        var name: String
        var date: String
        var place: String
        var session: String
        var chair: String
    }

    struct AnnotatedSpeaker: Decodable {
        var paragraph: Int?
        var speaker: String
        var state: String?
        var opening: String?
    }

    struct Annotation: Decodable {
        var source: String
        var entities: [AnnotatedEntity]
        var relations: [AnnotatedRelation]
        var meeting: AnnotatedMeeting?
        var speakers: [AnnotatedSpeaker]?
    }

    struct AnnotationFile: Decodable {
        var files: [String: Annotation]
    }

    /// One excerpt with its text and annotation.
    struct Fixture {
        var file: String
        var text: String
        var annotation: Annotation?
    }

    static let directory = TestKnowledgeBase.repositoryRoot + "/Tests/Fixtures/devset"
    static let maximumLength = 2_000
    static let kinds: Set<String> = ["body", "person", "instrument", "event", "state"]
    /// Concord's predicates, plus `part_of` (meeting → session) and `participated_in`
    /// (a State in a dialogue), which the annotation uses as the seed gold does.
    static let predicates = Set(RelationPredicate.allCases.map(\.rawValue)).union(["part_of", "participated_in"])

    /// Documents held out for review; none may appear in the development set.
    static let heldOutSymbols = [
        "CMW/C/SR.241", "CMW/C/SR.375", "CMW/C/SR.395", "CMW/C/SR.409", "CMW/C/SR.472", "CMW/C/SR.530",
        "CED/C/SR.381", "CERD/C/SR.2165", "CCPR/C/SR.2540", "CRC/C/SR.1563", "CEDAW/C/SR.1012",
        "A/HRC/38/41", "CRC/C/LUX/CO/3-4",
    ]
    static let heldOutPhrases = ["2165th meeting", "culture of peace"]
    static let heldOutSeeds = ["002_3c71399ce206b54e.txt", "003_fcf1d5519dbb8e77.txt", "004_f63e6e485a8b75d0.txt"]
    /// A passage this long shared with a held-out seed means its text was used; shorter ones are
    /// names ("International Convention on the Protection of the Rights of All Migrant Workers …").
    static let sharedPassageLength = 160

    static func fixtures() throws -> [Fixture] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/annotations.json"))
        let annotations = try JSONDecoder().decode(AnnotationFile.self, from: data).files
        return try names.map { name in
            Fixture(file: name, text: try String(contentsOfFile: directory + "/" + name, encoding: .utf8),
                    annotation: annotations[name])
        }
    }

    static func annotatedFileNames() throws -> Set<String> {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/annotations.json"))
        return Set(try JSONDecoder().decode(AnnotationFile.self, from: data).files.keys)
    }

    /// The text with every run of whitespace made one space, as aliases are written.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `symbol` occurs in `text` as a whole symbol or as the start of one of its parts
    /// ("A/HRC/38/41/Add.1"), but not as the start of a longer symbol ("CMW/C/SR.2410").
    static func containsSymbol(_ text: String, _ symbol: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: symbol, options: .caseInsensitive, range: searchRange) {
            if found.upperBound == text.endIndex { return true }
            let next = text[found.upperBound]
            if !(next.isLetter || next.isNumber || next == "-") { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }

    @Test func theSetHasEnoughShortExcerptsFromSeveralSeries() throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.count >= 12)
        for fixture in fixtures {
            #expect(!fixture.text.isEmpty, "\(fixture.file) is empty")
            #expect(fixture.text.count <= Self.maximumLength, "\(fixture.file) has \(fixture.text.count) characters")
            #expect(fixture.file.range(of: #"^\d{2}_[A-Za-z0-9._-]+\.txt$"#, options: .regularExpression) != nil,
                    "\(fixture.file) is not named NN_<symbol>.txt")
        }
        let series = Set(fixtures.compactMap { $0.file.split(separator: "_").dropFirst().first })
        #expect(series.count >= 6, "symbol series: \(series.sorted())")
    }

    @Test func everyExcerptIsAnnotatedAndEveryAnnotationHasItsExcerpt() throws {
        let files = Set(try Self.fixtures().map(\.file))
        let annotated = try Self.annotatedFileNames()
        #expect(files.subtracting(annotated).isEmpty, "not annotated: \(files.subtracting(annotated).sorted())")
        #expect(annotated.subtracting(files).isEmpty, "no excerpt: \(annotated.subtracting(files).sorted())")
    }

    @Test func entitiesHaveKnownKindsAndPrintedForms() throws {
        for fixture in try Self.fixtures() {
            guard let annotation = fixture.annotation else { continue }
            let text = Self.collapsed(fixture.text)
            #expect(!annotation.source.isEmpty, "\(fixture.file) has no source")
            let hasCore = annotation.entities.contains(where: \.core)
            #expect(hasCore, "\(fixture.file) has no core entity")
            let names = annotation.entities.map(\.name)
            #expect(Set(names).count == names.count, "\(fixture.file) names an entity twice")
            for entity in annotation.entities {
                #expect(Self.kinds.contains(entity.kind), "\(fixture.file): unknown kind \(entity.kind)")
                for alias in entity.aliases {
                    #expect(text.contains(alias), "\(fixture.file): alias \"\(alias)\" is not in the text")
                }
                let printed = text.contains(entity.name) || !entity.aliases.isEmpty
                #expect(printed || entity.note != nil,
                        "\(fixture.file): \(entity.name) is not printed and has no note saying where it comes from")
            }
        }
    }

    @Test func relationsUseKnownPredicatesBetweenAnnotatedEntities() throws {
        for fixture in try Self.fixtures() {
            guard let annotation = fixture.annotation else { continue }
            let kindByName = Dictionary(annotation.entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            for relation in annotation.relations {
                let label = "\(fixture.file): \(relation.subject) \(relation.predicate) \(relation.object)"
                #expect(Self.predicates.contains(relation.predicate), "\(label): unknown predicate")
                #expect(kindByName[relation.subject] == relation.subject_kind, "\(label): subject is not an annotated \(relation.subject_kind)")
                #expect(kindByName[relation.object] == relation.object_kind, "\(label): object is not an annotated \(relation.object_kind)")
            }
        }
    }

    @Test func summaryRecordsNameTheirMeetingAndSpeakers() throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.filter { $0.annotation?.meeting != nil }.count >= 6)
        for fixture in fixtures {
            guard let annotation = fixture.annotation, let meeting = annotation.meeting else { continue }
            let kindByName = Dictionary(annotation.entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            #expect(kindByName[meeting.name] == "event" && kindByName[meeting.session] == "event",
                    "\(fixture.file): the meeting and its session must be annotated events")
            #expect(kindByName[meeting.chair] == "person", "\(fixture.file): the chair must be an annotated person")
            #expect(meeting.date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil,
                    "\(fixture.file): date \(meeting.date) is not YYYY-MM-DD")
            #expect(fixture.text.contains(meeting.place.components(separatedBy: ",")[0]),
                    "\(fixture.file): place \(meeting.place) is not in the text")
            let speakers = annotation.speakers ?? []
            #expect(!speakers.isEmpty, "\(fixture.file): a summary record without speakers")
            for speaker in speakers {
                #expect(kindByName[speaker.speaker] == "person", "\(fixture.file): \(speaker.speaker) is not an annotated person")
                if let state = speaker.state {
                    #expect(kindByName[state] == "state", "\(fixture.file): \(state) is not an annotated state")
                }
                if let paragraph = speaker.paragraph {
                    #expect(fixture.text.range(of: "(?m)^\(paragraph)\\. ", options: .regularExpression) != nil,
                            "\(fixture.file): no paragraph \(paragraph)")
                } else {
                    let opening = speaker.opening ?? ""
                    #expect(!opening.isEmpty && Self.collapsed(fixture.text).contains(opening),
                            "\(fixture.file): an unnumbered paragraph needs its opening words")
                }
            }
        }
    }

    @Test func noHeldOutDocumentIsInTheSet() throws {
        let seeds = try Self.heldOutSeeds.map {
            Self.collapsed(try String(contentsOfFile: TestKnowledgeBase.repositoryRoot + "/seeds/" + $0, encoding: .utf8))
        }
        for fixture in try Self.fixtures() {
            let texts = [fixture.text, fixture.annotation?.source ?? ""]
            for symbol in Self.heldOutSymbols {
                let named = texts.contains { Self.containsSymbol($0, symbol) }
                #expect(!named, "\(fixture.file) contains held-out \(symbol)")
            }
            for phrase in Self.heldOutPhrases {
                let mentioned = texts.contains { $0.localizedCaseInsensitiveContains(phrase) }
                #expect(!mentioned, "\(fixture.file) mentions \(phrase)")
            }
            let text = Self.collapsed(fixture.text)
            let windows = stride(from: 0, to: max(0, text.count - Self.sharedPassageLength), by: 40).map {
                String(text.dropFirst($0).prefix(Self.sharedPassageLength))
            }
            for (seed, seedText) in zip(Self.heldOutSeeds, seeds) {
                let shared = windows.contains { seedText.contains($0) }
                #expect(!shared, "\(fixture.file) shares text with held-out seed \(seed)")
            }
        }
    }

    @Test func theHeldOutCheckFindsSymbolsButNotLongerOnes() {
        #expect(Self.containsSymbol("see CMW/C/SR.241.", "CMW/C/SR.241"))
        #expect(Self.containsSymbol("CRC/C/LUX/CO/3-4", "CRC/C/LUX/CO/3-4"))
        #expect(!Self.containsSymbol("see CMW/C/SR.2410", "CMW/C/SR.241"))
        #expect(Self.containsSymbol("A/HRC/38/41/Add.1", "A/HRC/38/41"))
        #expect(!Self.containsSymbol("A/HRC/38/410", "A/HRC/38/41"))
    }
}
