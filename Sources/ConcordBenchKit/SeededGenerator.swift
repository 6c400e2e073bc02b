import Foundation

/// A small, fast, reproducible random number generator (SplitMix64).
///
/// Every input the benchmark builds comes from one of these, so the same seed
/// always gives the same corpus and graph. Never `SystemRandomNumberGenerator`.
/// See https://prng.di.unimi.it/splitmix64.c
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for a named part of the inputs, independent of how much the others drew.
    public func derived(_ label: String) -> SeededGenerator {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return SeededGenerator(seed: state ^ hash)
    }

    /// A uniformly chosen element of a non-empty collection.
    public mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element {
        items[items.index(items.startIndex, offsetBy: Int.random(in: 0..<items.count, using: &self))]
    }

    /// `true` with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }
}

/// Draws ranks 0..<count with a Zipf-like skew: rank k is chosen with weight 1/(k+1)^exponent.
///
/// Uses a precomputed cumulative table and binary search, so each draw is O(log count).
public struct ZipfSampler: Sendable {
    private let cumulative: [Double]

    /// A sampler over `count` ranks (count ≥ 1).
    public init(count: Int, exponent: Double = 1.0) {
        precondition(count > 0, "at least one rank")
        var running = 0.0
        var table = [Double]()
        table.reserveCapacity(count)
        for rank in 0..<count {
            running += 1.0 / _pow(Double(rank + 1), exponent)
            table.append(running)
        }
        cumulative = table
    }

    /// One rank, most often small ones.
    public func draw(using generator: inout SeededGenerator) -> Int {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

@inline(__always) private func _pow(_ base: Double, _ exponent: Double) -> Double {
    exponent == 1.0 ? base : exp(exponent * log(base))
}
