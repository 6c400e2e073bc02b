import Foundation

/// Keeps one reading of each stretch of text: of overlapping candidates in the same
/// layer the longest wins (then the higher priority, then the earlier). Names inside
/// a phrase ("the Committee" inside "the Committee’s secretariat") are both kept.
enum OverlapResolver {
    static func resolve(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        let ordered = candidates.sorted {
            if $0.range.length != $1.range.length { return $0.range.length > $1.range.length }
            if $0.priority != $1.priority { return $0.priority > $1.priority }
            return $0.range.location < $1.range.location
        }
        var kept: [EntityCandidate] = []
        for candidate in ordered where candidate.range.length > 0 {
            let clashes = kept.contains {
                $0.layer == candidate.layer && $0.paragraph == candidate.paragraph
                    && NSIntersectionRange($0.range, candidate.range).length > 0
            }
            if !clashes { kept.append(candidate) }
        }
        return kept.sorted { ($0.paragraph, $0.range.location) < ($1.paragraph, $1.range.location) }
    }
}
