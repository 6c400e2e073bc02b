import Foundation

/// Cities whose names hold the name of a State ("Santiago de Chile", "Mexico City"):
/// a place, not the State, wherever they are printed.
enum CityGazetteer {
    static let names = [
        "Santiago de Chile", "Mexico City", "Ciudad de México", "Ciudad de Mexico", "Guatemala City", "Ciudad de Guatemala",
        "Panama City", "Ciudad de Panamá", "Kuwait City", "Belize City", "Djibouti City", "Luxembourg City", "Vatican City",
        "San Marino City", "Andorra la Vella", "Monaco-Ville", "Singapore City", "Brunei Town", "Port of Spain",
        "Sao Tome City", "Victoria, Seychelles", "Tunis City", "Algiers City", "Bahrain City",
    ]
    private static let lowercased = names.map { ($0, $0.lowercased()) }

    /// `candidates` without the States named inside a city's name in `paragraph`.
    static func removingStatesInCities(_ candidates: [EntityCandidate], in paragraph: ParagraphText) -> [EntityCandidate] {
        guard candidates.contains(where: { $0.key.kind == .state }) else { return candidates }
        var cities: [NSRange] = []
        for (name, folded) in lowercased where paragraph.contains(folded) {
            var searchRange = NSRange(location: 0, length: paragraph.length)
            while true {
                let found = paragraph.string.range(of: name, options: [.caseInsensitive], range: searchRange)
                if found.location == NSNotFound { break }
                cities.append(found)
                searchRange = NSRange(location: found.location + found.length, length: paragraph.length - found.location - found.length)
            }
        }
        guard !cities.isEmpty else { return candidates }
        return candidates.filter { candidate in
            candidate.key.kind != .state || !cities.contains { NSIntersectionRange($0, candidate.range).length > 0 }
        }
    }
}
