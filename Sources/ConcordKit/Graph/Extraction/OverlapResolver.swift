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
        // The ranges kept so far in each paragraph and layer, by location: they never overlap, so a
        // candidate can only clash with its neighbours there (comparing it with every kept candidate
        // made a long one-paragraph document quadratic).
        var taken: [Int: [EntityCandidate.Layer: [NSRange]]] = [:]
        for candidate in ordered where candidate.range.length > 0 {
            guard let index = freeIndex(for: candidate.range, in: taken[candidate.paragraph]?[candidate.layer] ?? []) else {
                continue
            }
            taken[candidate.paragraph, default: [:]][candidate.layer, default: []].insert(candidate.range, at: index)
            kept.append(candidate)
        }
        return kept.sorted { ($0.paragraph, $0.range.location) < ($1.paragraph, $1.range.location) }
    }

    /// Where `range` goes in `ranges` (sorted by location, none overlapping), or `nil` when it overlaps one of them.
    private static func freeIndex(for range: NSRange, in ranges: [NSRange]) -> Int? {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].location < range.location { low = middle + 1 } else { high = middle }
        }
        if low > 0, NSIntersectionRange(ranges[low - 1], range).length > 0 { return nil }
        if low < ranges.count, NSIntersectionRange(ranges[low], range).length > 0 { return nil }
        return low
    }
}
