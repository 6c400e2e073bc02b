import ConcordKit
import Foundation

/// Makes the paragraphs of a generated graph: words of the seed documents with entity
/// names among them, the mentions of those names (offsets in Unicode code points, as
/// the schema stores them) and relations between entities named side by side.
///
/// Which entities a paragraph names is skewed: half the draws follow a Zipf-like law
/// (a few entities are named very often), half are uniform, so every entity has some
/// mentions and a few have very many.
public struct ParagraphWriter {
    /// One mention in a made paragraph.
    public struct MadeMention: Sendable {
        public var entityID: String, start: Int, end: Int, surface: String
    }

    /// One relation stated by a made paragraph.
    public struct MadeRelation: Sendable {
        public var subject: String, predicate: String, object: String
    }

    /// One made paragraph.
    public struct Made: Sendable {
        public var text: String
        public var mentions: [MadeMention]
        public var relations: [MadeRelation]
    }

    private let names: EntityNames
    private let size: GraphGenerator.Size
    private let zipf: ZipfSampler
    private let words: [String]
    private var random: SeededGenerator

    init(seed: UInt64, size: GraphGenerator.Size, names: EntityNames) {
        self.names = names
        self.size = size
        zipf = ZipfSampler(count: size.entities, exponent: 0.9)
        words = SeedVocabulary.words
        random = SeededGenerator(seed: seed).derived("paragraphs")
    }

    /// Paragraph `number` (0-based over the whole graph); call in order.
    mutating func paragraph(number: Int) -> Made {
        let mentionCount = Self.share(of: size.mentions, part: number, parts: size.paragraphs)
        let relationCount = Self.share(of: size.relations, part: number, parts: size.paragraphs)
        var text = "", scalars = 0
        var mentions: [MadeMention] = []
        func append(_ piece: String) {
            text += piece
            scalars += piece.unicodeScalars.count
        }
        for index in 0..<mentionCount {
            for wordIndex in 0..<Int.random(in: 2...5, using: &random) {
                let word = random.pick(words)
                append((index == 0 && wordIndex == 0 ? word.capitalizedFirst : word) + " ")
            }
            let entity = names[entityIndex()]
            let surface = entity.extraAliases.isEmpty || random.chance(0.5) ? entity.name : entity.extraAliases[0]
            let start = scalars
            append(surface)
            mentions.append(MadeMention(entityID: entity.id, start: start, end: scalars, surface: surface))
            append(index == mentionCount - 1 ? "." : (random.chance(0.3) ? ", " : " "))
        }
        var relations: [MadeRelation] = []
        if mentions.count >= 2 {
            for _ in 0..<relationCount {
                let subject = Int.random(in: 0..<mentions.count, using: &random)
                var object = Int.random(in: 0..<(mentions.count - 1), using: &random)
                if object >= subject { object += 1 }
                relations.append(MadeRelation(
                    subject: mentions[subject].entityID, predicate: random.pick(RelationPredicate.allCases).rawValue,
                    object: mentions[object].entityID))
            }
        }
        return Made(text: text, mentions: mentions, relations: relations)
    }

    /// An entity index: Zipf-ranked half the time (ranks spread over the indexes by a
    /// multiplicative permutation, so the popular ones are of every kind), uniform otherwise.
    private mutating func entityIndex() -> Int {
        if random.chance(0.5) { return Int.random(in: 0..<size.entities, using: &random) }
        let rank = zipf.draw(using: &random)
        return Int((UInt64(rank) &* 2_654_435_761) % UInt64(size.entities))
    }

    /// `total` split as evenly as possible over `parts`: the share of `part`.
    static func share(of total: Int, part: Int, parts: Int) -> Int {
        total / parts + (part < total % parts ? 1 : 0)
    }
}

/// Lower-case words of the seed documents (3–12 letters), the filler of generated paragraphs
/// and the source of search terms.
public enum SeedVocabulary {
    public static let words: [String] = {
        var seen = Set<String>()
        var list: [String] = []
        for file in SeedCorpus.files {
            for word in file.text.split(whereSeparator: { !$0.isLetter }) where (3...12).contains(word.count) {
                let lower = word.lowercased()
                if lower == String(word), seen.insert(lower).inserted { list.append(lower) }
            }
        }
        return list
    }()
}
