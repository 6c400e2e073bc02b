import Foundation

/// Why a change's chain hash (see ``ChangeChain``) could not be computed or checked.
public enum ChangeChainError: LocalizedError, Equatable {
    /// The change log lacks the chain hash of a change the next one builds on.
    case missingChainHash(replica: String, sequence: Int64)

    public var errorDescription: String? {
        switch self {
        case let .missingChainHash(replica, sequence):
            return "the change log has no chain hash for change \(replica.prefix(8))#\(sequence); "
                + "open the knowledge base once with this Concord so its migrations complete, then try again"
        }
    }
}
