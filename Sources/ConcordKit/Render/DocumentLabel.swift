/// Short labels for documents at the prompt: a seed file `002_3c71399ce206b54e.txt`
/// is shown (and can be typed) as `002`.
public enum DocumentLabel {
    /// The leading digits before `_` when the source name has them, else the name without `.txt`.
    public static func short(_ sourceName: String) -> String {
        let stem = sourceName.hasSuffix(".txt") ? String(sourceName.dropLast(4)) : sourceName
        if let underscore = stem.firstIndex(of: "_"), stem[..<underscore].allSatisfy(\.isNumber), underscore != stem.startIndex {
            return String(stem[..<underscore])
        }
        return stem
    }
}
