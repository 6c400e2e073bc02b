import Foundation

/// A deterministic random number generator (SplitMix64) for the property tests, so a seed
/// replays a run exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for a randomized test: seeded from `CONCORD_TEST_SEED` when set, else from
    /// `fixed`, and the seed printed so that a failing run can be replayed exactly.
    static func forTest(_ name: String, fixed: UInt64) -> SeededGenerator {
        let seed = ProcessInfo.processInfo.environment["CONCORD_TEST_SEED"].flatMap { UInt64($0) } ?? fixed
        print("\(name): seed \(seed) (replay with CONCORD_TEST_SEED=\(seed))")
        return SeededGenerator(seed: seed)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
