import Foundation

/// Why an export, import or status request could not be carried out (problems with
/// a file itself are ``ChangesetFileError``s).
public enum SyncTransportError: LocalizedError, Equatable {
    case invalidVersionVector(text: String, reason: String)
    case unknownPeer(String)
    case ambiguousPeer(String, candidates: [String])
    case missingChanges(file: String, replica: String, sequences: String)
    case fromThisReplica(file: String)

    public var errorDescription: String? {
        switch self {
        case let .invalidVersionVector(text, reason):
            return "cannot read the version vector '\(text)': \(reason); write it as replica:sequence,replica:sequence (concord status prints yours)"
        case let .unknownPeer(reference):
            return "no file from replica '\(reference)' was ever imported here, so what it has is unknown; use --since with its status, or export everything"
        case let .ambiguousPeer(reference, candidates):
            return "'\(reference)' could be replicas \(candidates.joined(separator: ", ")); give more of the id"
        case let .missingChanges(file, replica, sequences):
            return "cannot write \(file): this knowledge base lacks changes \(sequences) of replica \(replica) that it should have; run concord status"
        case let .fromThisReplica(file):
            return "\(file): claims to come from this very replica — it is either this knowledge base's own file or from a copy of this database file; give each copy its own replica (see sync/FORMAT.md)"
        }
    }
}
