import Foundation
import Testing
@testable import ConcordKit

/// The byte-level shortcuts of ``OCRWordRepair`` change nothing: every seed line, and lines
/// built to hit each shortcut's edge, are repaired exactly as the plain algorithm (kept here
/// as the reference, as it was before the shortcuts) repairs them.
@Suite struct OCRWordRepairTests {
    /// The algorithm without shortcuts.
    struct Reference {
        let vocabulary: DocumentVocabulary

        func repair(_ text: String) -> String {
            let tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            var result: [String] = []
            var index = 0
            while index < tokens.count {
                if index + 1 < tokens.count, let joined = joinedSplitWord(tokens[index], tokens[index + 1]) {
                    result.append(contentsOf: unglued(joined))
                    index += 2
                } else {
                    result.append(contentsOf: unglued(tokens[index]))
                    index += 1
                }
            }
            return result.joined(separator: " ")
        }

        func joinedSplitWord(_ first: String, _ second: String) -> String? {
            guard !first.isEmpty, first.allSatisfy(\.isWordLetter) else { return nil }
            let secondLetters = String(second.prefix { $0.isWordLetter })
            guard let secondStart = secondLetters.first, secondStart.isLowercase else { return nil }
            let joinedCount = vocabulary.count(first + secondLetters)
            guard joinedCount > 0, vocabulary.count(secondLetters) < joinedCount else { return nil }
            if first.count == 1 {
                guard first.first?.isUppercase == true else { return nil }
            } else if vocabulary.count(first) >= joinedCount {
                return nil
            }
            return first + second
        }

        func unglued(_ token: String) -> [String] {
            let letters = String(token.prefix { $0.isWordLetter })
            guard letters.count >= 6 else { return [token] }
            let rest = token.dropFirst(letters.count)
            let lower = letters.lowercased()
            for word in OCRWordRepair.gluedFunctionWords where lower.hasSuffix(word) {
                let head = String(letters.dropLast(word.count))
                guard head.count >= 4, head.lowercased().hasSuffix("s"), !OCRWordRepair.boundPrefixes.contains(head.lowercased()),
                    vocabulary.count(head) > vocabulary.count(letters)
                else { continue }
                return [head, String(letters.suffix(word.count)) + rest]
            }
            return [token]
        }
    }

    @Test func everySeedLineIsRepairedAsTheReferenceRepairsIt() throws {
        var changed = 0
        for seed in try SeedCorpus.files(in: TestKnowledgeBase.repositoryRoot + "/seeds") {
            let lines = SourceLine.rawLines(of: seed.text)
            let vocabulary = DocumentVocabulary(lines: lines)
            let repair = OCRWordRepair(vocabulary: vocabulary), reference = Reference(vocabulary: vocabulary)
            for line in lines {
                let repaired = repair.repair(line)
                #expect(repaired == reference.repair(line), "\(seed.name): \(line)")
                if repaired != line { changed += 1 }
            }
        }
        #expect(changed > 0)
    }

    @Test func edgeCasesAreRepairedAsTheReferenceRepairsThem() {
        let vocabulary = DocumentVocabulary(lines: [
            "stateless stateless stateless International International Governments Governments Members Members",
            "café cafés naïve naïvety Workers Workers workers", "e\u{301}tat e\u{301}tats",
        ])
        let repair = OCRWordRepair(vocabulary: vocabulary), reference = Reference(vocabulary: vocabulary)
        for line in [
            "statel ess people", "I nternational law", "Governmentswith Membersof STATELESSof", "caf é caf és naï ve",
            "state less, statel ess, statel ess’s, statel Ess", "e\u{301}tat s, e\u{301} tats, Workersand Workersthe",
            "", " ", "  double  spaces ", "statel\u{301} ess", "therewith Thereof", "a b c", "Governments-with",
        ] {
            #expect(repair.repair(line) == reference.repair(line), "\(line)")
        }
        #expect(repair.repair("statel ess Governmentswith") == "stateless Governments with")
    }
}
