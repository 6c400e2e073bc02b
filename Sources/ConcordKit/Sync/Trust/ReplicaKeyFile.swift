import Foundation

/// The file beside a database that holds its replica's private signing key:
/// `<database path>.key`, mode 0600.
///
/// ```
/// concord-signing-key 1
/// replica 3fa4c1e29b0e77013fa4c1e29b0e7701
/// private-key <64 hex digits>
/// ```
///
/// The key is bound to the replica id written in the file. A new database, or a copied one
/// (which takes a new replica id, see ``ReplicaBinding``), makes its key and writes this file;
/// afterwards the file must be there and hold this replica's key: a missing, unreadable or
/// foreign key file is an error, never silently replaced.
public enum ReplicaKeyFile {
    static let magic = "concord-signing-key 1"

    /// The key file's path for the database at `databasePath`.
    public static func path(forDatabase databasePath: String) -> String { databasePath + ".key" }

    /// This replica's key, kept beside the database at `databasePath`.
    ///
    /// `made` is the key of a replica id made by this open (a new database, or a copy that took a new
    /// id): it is written to the key file (replacing one copied along with the database) and returned.
    /// Otherwise the key file must hold `replicaID`'s key: a missing file or one holding another
    /// replica's key is refused (never silently replaced; see `sync/FORMAT.md` for the recovery).
    /// `nil` path (in-memory knowledge base): `made`, never stored.
    static func key(databasePath: String?, replicaID: String, made: ReplicaSigningKey?) throws -> ReplicaSigningKey {
        guard let databasePath else { return made ?? ReplicaSigningKey() }
        let path = path(forDatabase: databasePath)
        if let made {
            try store(made, replicaID: replicaID, to: path)
            return made
        }
        guard let stored = try load(path) else { throw TrustError.missingKeyFile(path: path, replica: replicaID) }
        guard stored.replicaID == replicaID else {
            throw TrustError.foreignKeyFile(path: path, holds: stored.replicaID, replica: replicaID)
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            chmod(path, 0o600)
        }
        return stored.key
    }

    /// The key and replica id stored at `path`, or `nil` if there is no file.
    static func load(_ path: String) throws -> (replicaID: String, key: ReplicaSigningKey)? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TrustError.unreadableKeyFile(path: path, reason: "permission denied or not a file")
        }
        var fields: [String: String] = [:]
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == magic else { throw TrustError.unreadableKeyFile(path: path, reason: "it does not start with '\(magic)'") }
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let replicaID = fields["replica"], ReplicaIDCoding.isValid(replicaID),
              let privateHex = fields["private-key"], let raw = ReplicaIDCoding.bytes32(privateHex),
              let key = try? ReplicaSigningKey(rawRepresentation: Data(raw)) else {
            throw TrustError.unreadableKeyFile(path: path, reason: "its replica or private-key line is missing or malformed")
        }
        return (replicaID, key)
    }

    /// Writes `key` for `replicaID` to `path` atomically: a 0600 temporary file beside it, flushed, then renamed.
    static func store(_ key: ReplicaSigningKey, replicaID: String, to path: String) throws {
        let text = "\(magic)\nreplica \(replicaID)\nprivate-key \(ReplicaIDCoding.text(key.rawRepresentation))\n"
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw TrustError.cannotWriteKeyFile(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TrustError.cannotWriteKeyFile(path: path, reason: reason)
        }
    }
}

extension ReplicaIDCoding {
    /// The 32 bytes of 64 lowercase hex digits, or `nil`.
    static func bytes32(_ text: String) -> [UInt8]? {
        guard text.utf8.count == 64 else { return nil }
        let halves = [String(text.prefix(32)), String(text.suffix(32))]
        guard let first = bytes(halves[0]), let second = bytes(halves[1]) else { return nil }
        return first + second
    }
}
