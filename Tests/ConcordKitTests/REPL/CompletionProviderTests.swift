import Foundation
import Testing
@testable import ConcordKit

@Suite struct CompletionProviderTests {
    /// A provider over the fixture's knowledge base.
    static func provider() throws -> CompletionProvider {
        let fixture = try ReplFixture()
        return CompletionProvider(knowledgeBase: try KnowledgeBase.open(path: fixture.databasePath, author: "tester"))
    }

    /// Completes `line` with the cursor at its end.
    static func complete(_ line: String, with provider: CompletionProvider) -> CompletionProvider.Completion {
        provider.complete(line: line, cursor: line.unicodeScalars.count)
    }

    @Test func commandNamesCompleteFromTheirFirstLetters() {
        let provider = CompletionProvider(knowledgeBase: nil)
        let completion = Self.complete("se", with: provider)
        #expect(completion.start == 0)
        #expect(completion.candidates.contains("search"))
        #expect(completion.candidates.allSatisfy { $0.hasPrefix("se") })
        #expect(Self.complete("QU", with: provider).candidates == ["quit"])
        #expect(Self.complete("help sea", with: provider).candidates == ["search"])
        #expect(Self.complete("  ", with: provider).candidates.contains("help"))
    }

    @Test func optionsCompleteForTheCommandBeingTyped() {
        let provider = CompletionProvider(knowledgeBase: nil)
        let completion = Self.complete("search --li", with: provider)
        #expect(completion.candidates == ["--limit"])
        #expect(completion.start == 7)
    }

    @Test func kindsCompleteAfterKindOptionsAndArguments() throws {
        let provider = CompletionProvider(knowledgeBase: nil)
        #expect(Self.complete("add pe", with: provider).candidates == ["person"])
        #expect(Self.complete("add ", with: provider).candidates == EntityKind.allCases.map(\.rawValue).sorted())
        // Any command with a --kind option offers the kinds after it.
        let withKindOption = CommandCatalog.commands.first { command in
            CommandShape.named(command._commandName)?.option(named: "--kind") != nil
        }
        if let withKindOption {
            #expect(Self.complete("\(withKindOption._commandName) --kind ST", with: provider).candidates == ["state"])
        }
    }

    @Test func predicatesCompleteAfterTheSubjectOfLink() throws {
        let provider = try Self.provider()
        #expect(Self.complete("link ZLC re", with: provider).candidates == ["refers_to", "represents", "reviewed"])
        #expect(Self.complete("link \"Zanzibar Listening Council\" mem", with: provider).candidates == ["member_of"])
        #expect(Self.complete("link ZLC ", with: provider).candidates.count == RelationPredicate.allCases.count)
    }

    @Test func entityNamesCompleteCaseInsensitivelyAndQuoteSpaces() throws {
        let provider = try Self.provider()
        let completion = Self.complete("alias zanz", with: provider)
        #expect(completion.start == 6)
        #expect(completion.candidates == ["\"Zanzibar Harbour Board\"", "\"Zanzibar Listening Council\""])
        #expect(Self.complete("link ZLC member_of \"zanzibar l", with: provider).candidates == ["\"Zanzibar Listening Council\""])
        // Names without spaces stay bare; aliases complete too.
        #expect(Self.complete("delete zl", with: provider).candidates == ["ZLC"])
        #expect(Self.complete("merge ZLC 'ada q", with: provider).candidates == ["'Ada Quilliam'"])
    }

    @Test func namesWithSpacesCompleteInsideTheQuoteTheUserOpened() throws {
        let provider = try Self.provider()
        let double = Self.complete("alias \"Zanzibar Li", with: provider)
        #expect(double.start == 6)
        #expect(double.candidates == ["\"Zanzibar Listening Council\""])
        let single = Self.complete("alias 'zanzibar h", with: provider)
        #expect(single.candidates == ["'Zanzibar Harbour Board'"])
        // Accents are ignored through the normalized aliases.
        #expect(Self.complete("delete \"mr. elan", with: provider).candidates == ["\"Mr. Élan Tervo\""])
    }

    @Test func idsCompleteFromTheirKindPrefix() throws {
        let provider = try Self.provider()
        let completion = Self.complete("delete body:00000000000000a", with: provider)
        #expect(completion.candidates == ["body:00000000000000a1", "body:00000000000000a2"])
        #expect(completion.endsWord)
        // "perso" could begin a name or an id: the id prefix is offered, and is not a whole word yet.
        let kindOnly = Self.complete("delete perso", with: provider)
        #expect(kindOnly.candidates.first == "person:")
    }

    @Test func deletedEntitiesAreNotOffered() throws {
        let fixture = try ReplFixture()
        let knowledgeBase = try KnowledgeBase.open(path: fixture.databasePath, author: "tester")
        try knowledgeBase.write("delete for test") { db in
            try db.execute(sql: "UPDATE entities SET is_deleted = 1 WHERE id = 'body:00000000000000a2'")
        }
        let provider = CompletionProvider(knowledgeBase: knowledgeBase)
        #expect(Self.complete("alias zanz", with: provider).candidates == ["\"Zanzibar Listening Council\""])
    }

    @Test func freeTextAndUnknownCommandsOfferNothing() throws {
        let provider = try Self.provider()
        #expect(Self.complete("search zanz", with: provider).candidates.isEmpty)
        #expect(Self.complete("frobnicate zanz", with: provider).candidates.isEmpty)
    }

    @Test func theCursorMayBeInTheMiddleOfTheLine() throws {
        let provider = try Self.provider()
        let line = "alias \"zanzibar l \"the council\""
        let completion = provider.complete(line: line, cursor: 17)
        #expect(completion.candidates == ["\"Zanzibar Listening Council\""])
        #expect(completion.start == 6)
    }

    @Test func lookupsOnABigKnowledgeBaseOfferOnlyMatchingNames() throws {
        // 100 000 extra entities: every candidate matches what was typed (its speed is the benchmark's concern).
        let knowledgeBase = try TestKnowledgeBase.empty()
        // Straight through GRDB: test setup, not an edit the change log should record.
        try knowledgeBase.database.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
                INSERT INTO entities (id, kind, name)
                SELECT printf('person:%016x', i), 'person', 'Delegate ' || i || ' of Zanzibar' FROM n;
                INSERT INTO aliases (entity_id, alias, normalized_alias) SELECT id, name, lower(name) FROM entities;
                """)
        }
        let provider = CompletionProvider(knowledgeBase: knowledgeBase)
        for digit in 0..<10 {
            let typed = "delegate 9\(digit)"
            let completion = Self.complete("delete \"\(typed)", with: provider)
            #expect(!completion.candidates.isEmpty)
            for candidate in completion.candidates {
                #expect(candidate.lowercased().contains(typed), "\(candidate) does not match \(typed)")
            }
        }
    }
}

@Suite struct PartialCommandLineTests {
    @Test func splitsFinishedWordsFromTheOneBeingTyped() {
        let line = PartialCommandLine(prefix: "link \"Ana Example\" repr")
        #expect(line.words == ["link", "Ana Example"])
        #expect(line.partial == "repr")
        #expect(line.partialStart == 19)
        #expect(line.quote == nil)
    }

    @Test func keepsAnOpenQuoteAndItsPosition() {
        let line = PartialCommandLine(prefix: "show 'Human Ri")
        #expect(line.words == ["show"])
        #expect(line.partial == "Human Ri")
        #expect(line.partialStart == 5)
        #expect(line.quote == "'")
        let escaped = PartialCommandLine(prefix: "show Human\\ Ri")
        #expect(escaped.partial == "Human Ri")
        #expect(escaped.partialStart == 5)
    }

    @Test func anEmptyWordStartsAtTheCursor() {
        let line = PartialCommandLine(prefix: "link A ")
        #expect(line.words == ["link", "A"])
        #expect(line.partial == "")
        #expect(line.partialStart == 7)
    }
}
