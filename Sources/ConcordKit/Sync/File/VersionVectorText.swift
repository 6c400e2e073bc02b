import Foundation

/// Version vectors as text, the way `status` prints them and `export --since` takes
/// them: `replica:sequence` pairs separated by commas, sorted by replica id, e.g.
/// `3fa4…c1:12,9b0e…77:3`; `none` is the empty vector.
///
/// When parsing, a replica may be given by a unique prefix (8 characters or more)
/// of a replica this knowledge base knows.
public enum VersionVectorText {
    /// The text form of `vector` (entries with sequence 0 are left out).
    public static func format(_ vector: [String: Int64]) -> String {
        let entries = vector.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        if entries.isEmpty { return "none" }
        return entries.map { "\($0.key):\($0.value)" }.joined(separator: ",")
    }

    /// Parses `text`; `knownReplicas` resolve prefixes.
    public static func parse(_ text: String, knownReplicas: some Collection<String> = []) throws -> [String: Int64] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "none" { return [:] }
        var vector: [String: Int64] = [:]
        for entry in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let sequence = Int64(parts[1]), sequence >= 0 else {
                throw SyncTransportError.invalidVersionVector(text: text, reason: "'\(entry)' is not replica:sequence")
            }
            let replicaID = try resolve(String(parts[0]).lowercased(), knownReplicas: knownReplicas, text: text)
            vector[replicaID] = max(vector[replicaID] ?? 0, sequence)
        }
        return vector
    }

    private static func resolve(_ reference: String, knownReplicas: some Collection<String>, text: String) throws -> String {
        if ReplicaIDCoding.isValid(reference) { return reference }
        guard reference.count >= 8, reference.allSatisfy(\.isHexDigit) else {
            throw SyncTransportError.invalidVersionVector(text: text, reason: "'\(reference)' is not a replica id (32 hex digits, or a unique prefix of 8 or more)")
        }
        let matches = Set(knownReplicas.filter { $0.hasPrefix(reference) })
        guard matches.count == 1, let match = matches.first else {
            let problem = matches.isEmpty ? "matches no replica known here" : "matches \(matches.count) replicas"
            throw SyncTransportError.invalidVersionVector(text: text, reason: "'\(reference)' \(problem); give the full id")
        }
        return match
    }
}
