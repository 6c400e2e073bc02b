import Foundation
import GRDB

/// The keys this replica trusts (`sync_trusted_keys`), and the files it accepted once
/// without trusting their keys (`sync_untrusted_acceptances`).
///
/// Changes are imported only when every key that signed them is trusted, or is this
/// replica's own key (always trusted, never listed). `concord trust add|list|remove`
/// manage the list; `import --allow-untrusted` accepts one file and records it here
/// without trusting its keys.
public struct TrustStore: Sendable {
    /// One trusted key.
    public struct TrustedKey: Sendable, Hashable {
        public var name: String
        public var publicKey: Data
        public var fingerprint: String
        public var addedAt: String
    }

    /// One file accepted once without trust, for one key that was not trusted (or its unsigned changes).
    public struct Acceptance: Sendable, Hashable {
        /// The key's fingerprint, or `unsigned`.
        public var fingerprint: String
        public var publicKey: Data?
        public var file: String
        public var acceptedAt: String
    }

    public init() {}

    /// Trusts `publicKey` under `name`; returns what was stored.
    @discardableResult
    public func add(name: String, publicKey: Data, ownKey: Data, in db: Database) throws -> TrustedKey {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, PublicKeyText.parseFingerprint(name) == nil else { throw TrustError.invalidName(name) }
        if publicKey == ownKey { throw TrustError.ownKey }
        if let existing = try trusted(in: db).first(where: { $0.publicKey == publicKey }) {
            throw TrustError.alreadyTrusted(fingerprint: existing.fingerprint, name: existing.name)
        }
        if try trusted(in: db).contains(where: { $0.name == name }) { throw TrustError.duplicateName(name) }
        let key = TrustedKey(name: name, publicKey: publicKey, fingerprint: PublicKeyText.fingerprint(publicKey), addedAt: Timestamp.now())
        try db.execute(
            sql: "INSERT INTO sync_trusted_keys (public_key, name, fingerprint, added_at) VALUES (?, ?, ?, ?)",
            arguments: [key.publicKey, key.name, key.fingerprint, key.addedAt])
        return key
    }

    /// Stops trusting the key named `reference`, or whose fingerprint it is; returns it.
    @discardableResult
    public func remove(_ reference: String, in db: Database) throws -> TrustedKey {
        let fingerprint = PublicKeyText.parseFingerprint(reference)
        guard let key = try trusted(in: db).first(where: { $0.name == reference || $0.fingerprint == fingerprint }) else {
            throw TrustError.unknownTrust(reference)
        }
        try db.execute(sql: "DELETE FROM sync_trusted_keys WHERE public_key = ?", arguments: [key.publicKey])
        return key
    }

    /// Every trusted key, by name.
    public func trusted(in db: Database) throws -> [TrustedKey] {
        try Row.fetchAll(db, sql: "SELECT * FROM sync_trusted_keys ORDER BY name").map { row in
            TrustedKey(name: row["name"], publicKey: row["public_key"], fingerprint: row["fingerprint"], addedAt: row["added_at"])
        }
    }

    /// `true` if `publicKey` is trusted (the own key is checked by the caller).
    public func isTrusted(_ publicKey: Data, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_trusted_keys WHERE public_key = ?)", arguments: [publicKey]) ?? false
    }

    /// Files accepted once without trust, oldest first.
    public func acceptances(in db: Database) throws -> [Acceptance] {
        try Row.fetchAll(db, sql: "SELECT * FROM sync_untrusted_acceptances ORDER BY accepted_at, rowid").map { row in
            Acceptance(fingerprint: row["fingerprint"], publicKey: row["public_key"], file: row["file"], acceptedAt: row["accepted_at"])
        }
    }

    /// Records that `file` was accepted although `publicKey` (nil: unsigned changes) is not trusted.
    func recordAcceptance(of publicKey: Data?, file: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO sync_untrusted_acceptances (fingerprint, public_key, file, accepted_at) VALUES (?, ?, ?, ?)",
            arguments: [publicKey.map(PublicKeyText.fingerprint) ?? "unsigned", publicKey, file, Timestamp.now()])
    }
}
