import ConcordKit
import Foundation

/// The entities of a generated graph, by index: the real States first, then bodies,
/// instruments, events and people with invented but plausible names.
///
/// Invented names spell a scrambled form of the index in two-letter syllables, so
/// every name is different; ids are ``StableID/entity(kind:canonicalName:)`` of the
/// name, exactly as extraction would make them.
public struct EntityNames: Sendable {
    /// One generated entity.
    public struct Generated: Sendable, Hashable {
        public var id: String
        public var kind: EntityKind
        public var name: String
        public var date: String?
        /// Names besides `name` (e.g. "Ms. Kabedori" for "Ana Kabedori").
        public var extraAliases: [String]
    }

    public let count: Int
    private let entities: [Generated]

    /// `count` entities drawn from `seed`.
    public init(seed: UInt64, count: Int) {
        self.count = count
        var random = SeededGenerator(seed: seed).derived("entity names")
        let states = StateGazetteer.names
        var made: [Generated] = []
        made.reserveCapacity(count)
        for index in 0..<count {
            if index < states.count {
                made.append(Generated(
                    id: StableID.entity(kind: .state, canonicalName: states[index]), kind: .state, name: states[index],
                    extraAliases: []))
            } else {
                made.append(Self.invented(index: index, random: &random))
            }
        }
        entities = made
    }

    public subscript(index: Int) -> Generated { entities[index] }

    static let consonants = Array("bdklmnrt")
    static let vowels = Array("aeio")

    /// An invented word from `index`: a bijective scramble of its low 20 bits as four
    /// consonant-vowel syllables, the higher bits as more syllables, then a capital.
    static func word(_ index: Int) -> String {
        var value = (UInt64(index & 0xFFFFF) &* 0x9E3B5) & 0xFFFFF ^ 0x5A5A5
        var high = index >> 20
        var letters: [Character] = []
        for _ in 0..<4 {
            let syllable = Int(value & 31)
            letters.append(consonants[syllable >> 2])
            letters.append(vowels[syllable & 3])
            value >>= 5
        }
        while high > 0 {
            letters.append(consonants[(high & 31) >> 2])
            letters.append(vowels[high & 3])
            high >>= 5
        }
        return String(letters).capitalizedFirst
    }

    private static func invented(index: Int, random: inout SeededGenerator) -> Generated {
        let word = word(index)
        let kind: EntityKind
        var name: String, date: String? = nil, extra: [String] = []
        switch index % 20 {
        case 0:
            kind = .body
            name = word + " " + random.pick(["Commission", "Council", "Working Group", "Agency", "Institute", "Committee"])
        case 1...3:
            kind = .instrument
            name = random.pick(["Convention", "Protocol", "Declaration", "Covenant", "Charter"]) + " of " + word
        case 4...9:
            kind = .event
            let year = Int.random(in: 1990...2024, using: &random)
            name = word + " " + random.pick(["Conference", "Summit", "Forum", "Meeting", "Session"]) + " \(year)"
            date = String(format: "%04d-%02d-%02d", year, Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
        default:
            kind = .person
            name = random.pick(NameLists.givenNames) + " " + word
            if random.chance(0.3) { extra = [random.pick(NameLists.honorifics) + " " + word] }
        }
        return Generated(id: StableID.entity(kind: kind, canonicalName: name), kind: kind, name: name, date: date, extraAliases: extra)
    }
}
