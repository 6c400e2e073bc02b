import Foundation

/// Why a key or trust command failed, or the signing key could not be loaded.
public enum TrustError: LocalizedError, Equatable {
    case invalidPublicKey(String)
    case invalidName(String)
    case duplicateName(String)
    case alreadyTrusted(fingerprint: String, name: String)
    case ownKey
    case unknownTrust(String)
    case unreadableKeyFile(path: String, reason: String)
    case cannotWriteKeyFile(path: String, reason: String)
    /// No replica known here matches the reference given to `trust ignore`.
    case unknownReplica(String)
    /// The database has a replica id but its key file is gone.
    case missingKeyFile(path: String, replica: String)
    /// The key file beside the database holds another replica's key.
    case foreignKeyFile(path: String, holds: String, replica: String)

    /// The message, with anything that came from data (file and replica names, values) escaped for a terminal.
    public var errorDescription: String? { TerminalText.escaped(message) }

    private var message: String {
        switch self {
        case let .unknownReplica(reference):
            return "no replica known here matches '\(reference.prefix(40))'; give its 32-hex-digit id, or a unique prefix of 8 or more digits (see status)"
        case let .missingKeyFile(path, replica):
            return "the signing key of replica \(replica.prefix(8)) is missing (\(path)); restore that file from a backup — if it is lost for good, `concord key --reset` gives this database a new key and replica id (peers must trust the new key)"
        case let .foreignKeyFile(path, holds, replica):
            return "\(path) holds the key of replica \(holds.prefix(8)), not of this database's replica \(replica.prefix(8)); put back this database's own key file, or `concord key --reset` to make a new key and replica id"
        case let .invalidPublicKey(text):
            return "'\(text.prefix(80))' is not a public key: give the 64 hex digits `concord key` prints on the other replica"
        case let .invalidName(name):
            return "'\(name.prefix(80))' cannot name a key: use 1 to 64 characters, without spaces at either end, and not a fingerprint"
        case let .duplicateName(name):
            return "a key named '\(name)' is already trusted: pick another name, or `concord trust remove \(name)` first"
        case let .alreadyTrusted(fingerprint, name):
            return "key \(fingerprint) is already trusted as '\(name)'"
        case .ownKey:
            return "that is this replica's own key, which is always trusted"
        case let .unknownTrust(reference):
            return "no trusted key is named or has the fingerprint '\(reference)'; see `concord trust list`"
        case let .unreadableKeyFile(path, reason):
            return "\(path): the signing key file cannot be read (\(reason)); restore it from a backup, or move it away to make a new key (peers will then see a new key for this replica)"
        case let .cannotWriteKeyFile(path, reason):
            return "\(path): cannot write the signing key file (\(reason)); the database's folder must be writable"
        }
    }
}
