import Foundation

/// Turns the bytes of a plain-text file into a string without ever producing mojibake:
/// a byte-order mark says UTF-8 or UTF-16; bytes without one are UTF-8 when they are valid
/// UTF-8, and otherwise Windows-1252 (a superset of Latin-1's printable characters), which
/// is what a Western European text that is not UTF-8 almost always is. The caller is told
/// when the text was converted.
enum TextFileDecoding {
    /// The decoded text, and the encoding it was converted from when that was not UTF-8.
    struct Decoded {
        var text: String
        /// `"UTF-16"` or `"Windows-1252"` when converted; `nil` for UTF-8.
        var convertedFrom: String?
    }

    /// Decodes `data`; `nil` when it is UTF-16 with a BOM that is not valid UTF-16.
    static func decode(_ data: Data) -> Decoded? {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: data.dropFirst(3), as: UTF8.self), convertedFrom: nil)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = String(data: data.dropFirst(2), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
            else { return nil }
            return Decoded(text: text, convertedFrom: "UTF-16")
        }
        if let littleEndian = looksLikeUTF16(data),
            let text = String(data: data, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
        {
            return Decoded(text: text, convertedFrom: "UTF-16")
        }
        if let text = String(validatingUTF8Data: data) { return Decoded(text: text, convertedFrom: nil) }
        return Decoded(text: windows1252(data), convertedFrom: "Windows-1252")
    }

    /// Whether `data` (without a byte-order mark) is UTF-16 text: in its first kilobyte, most
    /// code units have a zero high byte (Latin text) on one side and none on the other.
    /// `true` for little-endian, `false` for big-endian, `nil` when it is not UTF-16.
    static func looksLikeUTF16(_ data: Data) -> Bool? {
        let head = [UInt8](data.prefix(1024))
        guard head.count >= 8, head.count % 2 == 0 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for (offset, byte) in head.enumerated() where byte == 0 {
            if offset % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let units = head.count / 2
        if zeroOdd * 10 >= units * 7, zeroEven * 20 <= units { return true }
        if zeroEven * 10 >= units * 7, zeroOdd * 20 <= units { return false }
        return nil
    }

    /// `data` read as Windows-1252; the five bytes it leaves undefined are read as Latin-1 (C1 controls).
    static func windows1252(_ data: Data) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(data.count)
        for byte in data {
            if byte >= 0x80, byte < 0xA0, let mapped = highControls[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252's characters for bytes 0x80–0x9F (`nil` where it defines none).
    private static let highControls: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}

extension String {
    /// `data` as a string when it is valid UTF-8, else `nil` (never replacement characters).
    init?(validatingUTF8Data data: Data) {
        var valid = true
        let text = data.withUnsafeBytes { buffer in
            String(decoding: buffer.bindMemory(to: UInt8.self), as: UTF8.self)
        }
        // Decoding repairs invalid sequences with U+FFFD; a valid input re-encodes to the same number of bytes
        // unless it held U+FFFD itself, which the slower check settles.
        if text.utf8.count != data.count || text.unicodeScalars.contains("\u{FFFD}") {
            valid = String(data: data, encoding: .utf8) != nil
        }
        guard valid else { return nil }
        self = text
    }
}
