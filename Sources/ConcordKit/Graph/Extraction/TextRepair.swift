/// Mends, for the recognisers, the printing accidents that break names, keeping a map
/// back to the stored text's offsets:
///
/// - non-breaking and other Unicode hyphens (U+2010, U+2011) become "-", so
///   "Kyung‑wha" and "ninety‑third" read as one word;
/// - soft hyphens (U+00AD) are dropped (they only mark where a word may break);
/// - a capital letter OCR split from the rest of a title word ("A ll Forms",
///   "I nternational") is joined to it, when the joined word is one UN titles use.
enum TextRepair {
    /// Capitalised words of UN names and titles that OCR letter spacing splits.
    static let titleWords: Set<String> = [
        "All", "International", "Elimination", "Forms", "Rights", "Racial", "Discrimination", "Against", "Women",
        "Convention", "Committee", "Covenant", "Human", "Protection", "Migrant", "Workers", "Members", "Their",
        "Families", "Persons", "Disabilities", "Enforced", "Disappearance", "Torture", "Other", "Cruel", "Inhuman",
        "Degrading", "Treatment", "Punishment", "Child", "Children", "Economic", "Social", "Cultural", "Civil",
        "Political", "United", "Nations", "General", "Assembly", "Council", "Special", "Rapporteur", "Optional",
        "Protocol", "Office", "High", "Commissioner", "Independent", "Expert", "Working", "Group", "Universal",
        "Declaration", "Periodic", "Report", "Organization", "Labour", "Migration", "Refugees", "Indigenous",
        "Peoples", "Education", "Health", "Secretary", "Development", "Sustainable", "Agenda",
    ]

    /// The repaired UTF-16 text and, for each of its offsets (and its end), the offset in `units`;
    /// `nil` when there is nothing to mend (the common case, found in one pass without copying).
    static func repair(_ units: [UInt16]) -> (units: [UInt16], origins: [Int])? {
        guard needsRepair(units) else { return nil }
        var repaired: [UInt16] = []
        var origins: [Int] = []
        repaired.reserveCapacity(units.count)
        origins.reserveCapacity(units.count + 1)
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit == 0x00AD { index += 1; continue }
            if unit == 0x2010 || unit == 0x2011 {
                repaired.append(0x2D)
            } else {
                repaired.append(unit)
            }
            origins.append(index)
            if isSplitCapital(units, at: index) { index += 2 } else { index += 1 }
        }
        origins.append(units.count)
        return (repaired, origins)
    }

    private static func needsRepair(_ units: [UInt16]) -> Bool {
        for index in units.indices {
            let unit = units[index]
            if unit == 0x00AD || unit == 0x2010 || unit == 0x2011 { return true }
            if unit == 0x20, index + 3 < units.count, isSplitCapital(units, at: index + 1) { return true }
        }
        return false
    }

    /// Whether `units[index]` is a capital standing alone before a space and lowercase letters
    /// that together make a title word ("A ll" → "All").
    private static func isSplitCapital(_ units: [UInt16], at index: Int) -> Bool {
        guard (0x41...0x5A).contains(units[index]), index + 2 < units.count, units[index + 1] == 0x20,
              index == 0 || units[index - 1] == 0x20 || units[index - 1] == 0x0A else { return false }
        var end = index + 2
        while end < units.count, (0x61...0x7A).contains(units[end]) { end += 1 }
        guard end - (index + 2) >= 2, end == units.count || !isLetter(units[end]) else { return false }
        let word = String(decoding: [units[index]] + units[(index + 2)..<end], as: UTF16.self)
        return titleWords.contains(word)
    }

    private static func isLetter(_ unit: UInt16) -> Bool {
        (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) || unit >= 0xC0
    }
}
