import Foundation

/// Finds fixed ASCII phrases in text by comparing UTF-8 bytes.
///
/// Foundation's `range(of:)` and `contains(_:)` on a Swift string copy the whole
/// string to UTF-16 at every call (most of the reader's time went there). For a
/// phrase made of ASCII characters a byte search finds the same places: an ASCII
/// byte in UTF-8 is always that ASCII character. (It differs only where a combining
/// mark is attached to the phrase's first or last letter, which Foundation's
/// character-cluster comparison would refuse and a byte search accepts.)
enum LiteralSearch {
    /// The UTF-8 offset just past the first occurrence of `phrase` (ASCII) in `text`, or `nil`.
    static func endOffset(of phrase: String, in text: String) -> Int? {
        var text = text
        return text.withUTF8 { haystack in
            var phrase = phrase
            return phrase.withUTF8 { needle -> Int? in
                guard let start = firstOffset(of: needle, in: haystack) else { return nil }
                return start + needle.count
            }
        }
    }

    /// Whether `text` contains `phrase` (ASCII), byte for byte.
    static func contains(_ phrase: String, in text: String) -> Bool {
        endOffset(of: phrase, in: text) != nil
    }

    /// The index in `text` just past the first occurrence of `phrase` (ASCII), or `nil`.
    static func endIndex(of phrase: String, in text: String) -> String.Index? {
        guard let end = endOffset(of: phrase, in: text) else { return nil }
        return text.utf8.index(text.utf8.startIndex, offsetBy: end)
    }

    /// `text` with its ASCII capitals lowered, everything else as it was: enough to find
    /// ASCII phrases regardless of case, and far cheaper than `lowercased()` on text with
    /// typographic quotes. (Full lowercasing differs only for the Kelvin sign, which lowers
    /// to `k`, and `İ`, which lowers to `i` and a combining dot: no phrase searched for needs them.)
    static func asciiLowercased(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() {
                    buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// The offset of the first occurrence of `needle` in `haystack` (`memchr` for the first
    /// byte, `memcmp` for the rest; Glibc's `memmem` is not visible from Swift).
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let pattern = needle.baseAddress else { return 0 }
        guard let base = haystack.baseAddress, needle.count <= haystack.count else { return nil }
        let first = Int32(needle[0]), lastStart = haystack.count - needle.count
        var start = 0
        while start <= lastStart {
            guard let found = memchr(base + start, first, lastStart - start + 1) else { return nil }
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }
}
