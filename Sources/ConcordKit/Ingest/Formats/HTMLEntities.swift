/// HTML character references: numeric (`&#8217;`, `&#x2019;`) and the named ones UN
/// pages use. A no-break space becomes a plain space, so `1.&nbsp;The` reads as a
/// numbered paragraph.
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{00B7}",
        "laquo": "\u{00AB}", "raquo": "\u{00BB}", "copy": "\u{00A9}", "reg": "\u{00AE}", "deg": "\u{00B0}",
        "sect": "\u{00A7}", "para": "\u{00B6}", "shy": "\u{00AD}", "eacute": "é", "egrave": "è", "ecirc": "ê",
        "aacute": "á", "agrave": "à", "acirc": "â", "iacute": "í", "oacute": "ó", "ocirc": "ô", "uacute": "ú",
        "ucirc": "û", "ccedil": "ç", "ntilde": "ñ", "auml": "ä", "ouml": "ö", "uuml": "ü", "szlig": "ß",
        "Eacute": "É", "Agrave": "À", "Ccedil": "Ç", "euro": "€", "pound": "£", "times": "×",
    ]

    /// `scalars` with every character reference replaced; an unknown one is kept as written.
    static func decode(_ scalars: ArraySlice<Unicode.Scalar>) -> String.UnicodeScalarView {
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "&", let semicolon = scalars[index...].prefix(12).firstIndex(of: ";") else {
                result.append(scalar == "\u{A0}" ? " " : scalar)
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
            if let decoded = reference(name) {
                result.append(decoded)
                index = semicolon + 1
            } else {
                result.append(scalar)
                index += 1
            }
        }
        return result
    }

    private static func reference(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(noBreakToSpace)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(noBreakToSpace) }
        return named[name]
    }

    private static func noBreakToSpace(_ scalar: Unicode.Scalar) -> Unicode.Scalar { scalar == "\u{A0}" ? " " : scalar }
}
