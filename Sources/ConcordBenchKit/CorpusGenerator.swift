import ConcordKit
import Foundation

/// Synthesises treaty-body summary records shaped like the seed documents: a title
/// page with the document symbol, body, session and meeting, then numbered
/// paragraphs where the Chair and speakers "Mr. X (State)" say things, under
/// agenda headings, ending with "The meeting rose at …".
///
/// Names, States, dates, sessions and symbols vary; sentences are taken from the
/// seed documents with the States they name replaced. Some documents keep the
/// OCR-ish features of the seeds: hard line breaks inside paragraphs, running
/// headers with symbol, page number and job number. The same seed always gives
/// the same documents.
public struct CorpusGenerator: Sendable {
    /// One generated document.
    public struct GeneratedDocument: Sendable {
        public var fileName: String
        public var text: String
    }

    /// Roughly how many characters of paragraph text each document holds (before headers).
    public var targetCharacters: Int
    private let sentences: [String]
    private let states: [String]
    private let seed: UInt64

    static let statePlaceholder = "\u{1}"

    /// A generator whose documents are fixed by `seed`; `targetCharacters` sets their typical size.
    public init(seed: UInt64, targetCharacters: Int = 6_000) {
        self.seed = seed
        self.targetCharacters = targetCharacters
        states = StateGazetteer.names
        sentences = Self.sentencePool(from: SeedCorpus.files.map(\.text), states: StateGazetteer.names)
    }

    /// The `index`-th document (independent of the others, so documents can be made in any order).
    public func document(_ index: Int) -> GeneratedDocument {
        var random = SeededGenerator(seed: seed).derived("document \(index)")
        let body = random.pick(NameLists.bodies)
        let meeting = 100 + Int.random(in: 0..<3900, using: &random)
        let symbol = "\(body.series)/SR.\(meeting)"
        let year = Int.random(in: 1995...2024, using: &random)
        let month = random.pick(NameLists.months)
        let day = Int.random(in: 1...28, using: &random)
        let state = random.pick(states)
        let ocr = random.chance(0.3)
        var lines = titlePage(symbol: symbol, body: body, meeting: meeting, date: "\(day) \(month) \(year)", random: &random)
        lines.append("The meeting was called to order at \(Int.random(in: 10...15, using: &random)).\(Int.random(in: 10...55, using: &random)) \(random.chance(0.5) ? "a.m." : "p.m.")")
        lines.append("\t\tConsideration of reports submitted by States parties under article \(body.article) of the Convention")
        lines.append("\t\(random.pick(NameLists.reportKinds).capitalizedFirst) of \(state) (\(body.series)/\(state.prefix(3).uppercased())/\(Int.random(in: 1...6, using: &random)))")
        var paragraphs = ["At the invitation of the Chair, the delegation of \(state) joined the meeting."]
        var written = paragraphs[0].count
        while written < targetCharacters {
            if random.chance(0.08) { lines.append("\t\t" + random.pick(NameLists.agendaItems)) }
            let paragraph = speakerParagraph(state: state, random: &random)
            written += paragraph.count
            paragraphs.append(paragraph)
        }
        for (number, paragraph) in paragraphs.enumerated() {
            let numbered = "\(number + 1).\t" + paragraph
            lines += ocr ? Self.wrap(numbered, width: 92) : [numbered]
        }
        lines.append("The meeting rose at \(Int.random(in: 12...18, using: &random)).\(Int.random(in: 0...5, using: &random))5 p.m.")
        if ocr { lines = Self.withRunningHeaders(lines, symbol: symbol, year: year, random: &random) }
        let name = String(format: "%06d_", index) + symbol.replacingOccurrences(of: "/", with: "_") + ".txt"
        return GeneratedDocument(fileName: name, text: lines.joined(separator: "\n") + "\n")
    }

    /// Writes documents `0..<count` into `directory` as `.txt` files; returns their total size in bytes.
    @discardableResult
    public func write(count: Int, to directory: URL) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var bytes = 0
        for index in 0..<count {
            let document = document(index)
            let data = Data(document.text.utf8)
            try data.write(to: directory.appendingPathComponent(document.fileName))
            bytes += data.count
        }
        return bytes
    }

    private func titlePage(symbol: String, body: NameLists.Body, meeting: Int, date: String, random: inout SeededGenerator) -> [String] {
        let chair = random.pick(NameLists.honorifics) + " " + random.pick(NameLists.surnames)
        return [
            "United Nations\t\(symbol)",
            "\t\(body.instrument)\tDistr.: General",
            date, "", "Original: English", "",
            body.name,
            "\(random.pick(NameLists.ordinals).capitalizedFirst) session",
            "Summary record of the \(Self.ordinal(meeting)) meeting",
            "Held at the Palais Wilson, Geneva, on \(random.pick(NameLists.weekdays)), \(date), at 10 a.m.",
            "Chair:\t\(chair)", "",
        ]
    }

    private func speakerParagraph(state: String, random: inout SeededGenerator) -> String {
        let speaker: String
        switch Int.random(in: 0..<4, using: &random) {
        case 0: speaker = "The Chair"
        case 1: speaker = "\(random.pick(NameLists.honorifics)) \(random.pick(NameLists.surnames)) (\(random.chance(0.6) ? state : random.pick(states)))"
        default: speaker = "\(random.pick(NameLists.honorifics)) \(random.pick(NameLists.surnames))"
        }
        var text = "\(speaker) said that " + lowercasedFirst(sentence(&random))
        for _ in 0..<Int.random(in: 1...4, using: &random) { text += " " + sentence(&random) }
        return text
    }

    private func sentence(_ random: inout SeededGenerator) -> String {
        var text = random.pick(sentences)
        while let range = text.range(of: Self.statePlaceholder) { text.replaceSubrange(range, with: random.pick(states)) }
        return text
    }

    private func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, !text.dropFirst().prefix(1).contains(where: \.isUppercase) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// Sentences of the seed documents' prose (40–320 characters), States replaced by a placeholder.
    static func sentencePool(from texts: [String], states: [String]) -> [String] {
        var pool: [String] = []
        for text in texts {
            let joined = text.replacingOccurrences(of: "\n", with: " ")
            for piece in joined.components(separatedBy: ". ") {
                var sentence = piece.trimmingCharacters(in: .whitespaces)
                guard (40...320).contains(sentence.count), sentence.first?.isUppercase == true,
                      !sentence.contains("\t"), !sentence.contains("["), !sentence.contains("  ") else { continue }
                for state in states where sentence.contains(state) {
                    sentence = sentence.replacingOccurrences(of: state, with: statePlaceholder)
                }
                pool.append(sentence + ".")
            }
        }
        return pool.isEmpty ? ["The Committee had considered the report of \(statePlaceholder)."] : pool
    }

    /// Hard line breaks at about `width` columns, as in the seeds' OCR text.
    static func wrap(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in paragraph.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines + [""]
    }

    /// Inserts a running header (symbol, page number, job number) every 45 lines.
    static func withRunningHeaders(_ lines: [String], symbol: String, year: Int, random: inout SeededGenerator) -> [String] {
        let job = String(format: "GE.%02d-%05d", year % 100, Int.random(in: 0..<100_000, using: &random))
        var result: [String] = []
        for (index, line) in lines.enumerated() {
            if index > 0, index % 45 == 0 {
                result += ["", symbol, "", "\(index / 45 + 1)", job, ""]
            }
            result.append(line)
        }
        return result
    }

    /// 1st, 2nd, 3rd, 4th, 11th, 21st, 3921st.
    static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
