/// The tables of change authenticity: which key each replica signs with, which keys
/// this replica trusts, and what was accepted once without trust. None is synced.
///
/// Registered as a migration at the end of ``StoreSchema/migrator``; it also gives the
/// change log and the waiting changes a `signature` column.
enum TrustSchema {
    static let migrationName = "v4: signed changes, replica keys and trusted keys"

    static let sql = """
        ALTER TABLE sync_changes ADD COLUMN signature BLOB; -- the origin's Ed25519 signature of the change (sync/FORMAT.md v2); NULL: made before changes were signed
        ALTER TABLE sync_pending ADD COLUMN signature BLOB;

        CREATE TABLE sync_replica_keys (
          -- The public key each replica signs its changes with: this replica's own, and each other's
          -- as first seen on a verified signed change. A later change claiming the replica under
          -- another key is refused (impersonation). Local.
          replica_id    TEXT PRIMARY KEY NOT NULL,
          public_key    BLOB NOT NULL,               -- raw 32-byte Ed25519 public key
          fingerprint   TEXT NOT NULL,               -- first 16 hex of SHA-256(public_key), e.g. '3fa4 c1e2 9b0e 7701'
          first_seen_at TEXT NOT NULL                -- ISO 8601 UTC
        );

        CREATE TABLE sync_trusted_keys (
          -- Keys whose changes this replica imports (concord trust add NAME KEY). This replica's own
          -- key is always trusted and is not listed here. Local.
          public_key  BLOB PRIMARY KEY NOT NULL,     -- raw 32-byte Ed25519 public key
          name        TEXT NOT NULL UNIQUE,          -- the user's name for it
          fingerprint TEXT NOT NULL,
          added_at    TEXT NOT NULL                  -- ISO 8601 UTC
        );

        CREATE TABLE sync_untrusted_acceptances (
          -- Files imported with --allow-untrusted, once per key that was not trusted (public_key NULL:
          -- unsigned changes). Accepting a file does not make its keys trusted. Local.
          fingerprint TEXT NOT NULL,                 -- the key's fingerprint, or 'unsigned'
          public_key  BLOB,
          file        TEXT NOT NULL,                 -- the file as named on the command line
          accepted_at TEXT NOT NULL                  -- ISO 8601 UTC
        );
        """
}
