import Foundation

/// Why a changeset file was refused. Every case names the file; nothing from a
/// refused file is ever applied.
public enum ChangesetFileError: LocalizedError, Equatable {
    case cannotRead(file: String, reason: String)
    case cannotWrite(file: String, reason: String)
    case notAChangesetFile(file: String)
    case newerFormat(file: String, version: UInt16)
    case newerSchema(file: String, version: UInt32)
    case unmappableSchema(file: String, reason: String)
    case truncatedHeader(file: String)
    case truncated(file: String, afterRecord: Int, of: Int)
    case truncatedInRecord(file: String, record: Int, of: Int)
    case truncatedBeforeChecksum(file: String)
    case damaged(file: String, reason: String)
    case checksumMismatch(file: String)
    case changedWhileReading(file: String)
    case differentBaseline(file: String, theirs: String, ours: String)
    /// A record's signature does not verify under its replica's key: altered after it was signed.
    case badSignature(file: String, record: Int, replica: String, sequence: Int64)
    /// The writer's signature over the file does not verify: altered after it was written.
    case badWriterSignature(file: String, replica: String)
    /// Changes without a signature (a v1 file, or changes made before signing), refused without `--allow-untrusted`.
    case unsigned(file: String, replica: String)
    /// Signed by a key that is neither trusted nor this replica's own.
    case untrustedKey(file: String, fingerprint: String, replica: String)
    /// Signed as a replica that is bound here to another key.
    case impersonation(file: String, replica: String, claimed: String, bound: String)
    /// A change holds a value that may not be applied (wrong type, invalid text, over a bound, a source row
    /// changed, a clock far ahead): see ``IncomingChangeValidator``. `reason` is already escaped.
    case refusedChange(file: String, change: String, reason: String)
    /// A key signs for a replica it is not bound to (see ``ReplicaKeyBinding``).
    case keyNotBoundToReplica(file: String, replica: String, fingerprint: String, reason: String)

    /// The message, with anything that came from data (file and replica names, values) escaped for a terminal.
    public var errorDescription: String? { TerminalText.escaped(message) }

    private var message: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot be read (\(reason))"
        case let .cannotWrite(file, reason):
            return "\(file): cannot be written (\(reason)); check the folder exists and is writable"
        case let .notAChangesetFile(file):
            return "\(file): not a Concord changeset file (it does not start with the Concord signature)"
        case let .newerFormat(file, version):
            return "\(file): written in changeset format \(version), newer than this Concord reads (\(ChangesetFileFormat.formatVersion)); upgrade Concord to import it"
        case let .newerSchema(file, version):
            return "\(file): made against schema version \(version), newer than this Concord knows (\(ChangesetFileFormat.schemaVersion)); upgrade Concord to import it"
        case let .unmappableSchema(file, reason):
            return "\(file): its changes do not fit this knowledge base's tables (\(reason)); it was written by an incompatible Concord"
        case let .truncatedHeader(file):
            return "\(file): truncated inside its header — the copy is incomplete; copy it again"
        case let .truncated(file, afterRecord, count):
            return "\(file): truncated after record \(afterRecord) of \(count) — the copy is incomplete; copy it again"
        case let .truncatedInRecord(file, record, count):
            return "\(file): truncated inside record \(record) of \(count) — the copy is incomplete; copy it again"
        case let .truncatedBeforeChecksum(file):
            return "\(file): truncated before its checksum — the copy is incomplete; copy it again"
        case let .damaged(file, reason):
            return "\(file): damaged (\(reason)); copy it again from its source"
        case let .checksumMismatch(file):
            return "\(file): checksum does not match its contents — the file was altered or damaged in transit; copy it again"
        case let .changedWhileReading(file):
            return "\(file): changed while it was being imported; nothing was applied — try again once it is complete"
        case let .differentBaseline(file, theirs, ours):
            return "\(file): made on a knowledge base built from other seed documents (baseline \(theirs.prefix(20)), here \(ours.prefix(20))); its changes cannot apply here — build this one from the same seeds"
        case let .badSignature(file, record, replica, sequence):
            return "\(file): record \(record) (change \(replica.prefix(8))#\(sequence)) does not match its signature — it was altered after it was signed; nothing was applied"
        case let .badWriterSignature(file, replica):
            return "\(file): its writer's signature (replica \(replica.prefix(8))) does not match — the file was altered after it was written; nothing was applied"
        case let .unsigned(file, replica):
            return "\(file): holds unsigned changes (replica \(replica.prefix(8)); written before Concord signed changes); nothing was applied — import it with --allow-untrusted if you trust where it came from"
        case let .untrustedKey(file, fingerprint, replica):
            return "\(file): signed by key \(fingerprint) (replica \(replica.prefix(8))), which is not trusted here; nothing was applied — compare it with `concord key` on that replica, then `concord trust add NAME PUBLIC-KEY`, or import with --allow-untrusted to accept this file once"
        case let .refusedChange(file, change, reason):
            return "\(file): \(change) was refused: \(reason); nothing was applied — ask its author to fix it, or `concord trust ignore` that replica"
        case let .keyNotBoundToReplica(file, replica, fingerprint, reason):
            return "\(file): key \(fingerprint) signs for replica \(replica.prefix(8)), \(reason); nothing was applied — a trusted key may speak only for its own replica"
        case let .impersonation(file, replica, claimed, bound):
            return "\(file): claims replica \(replica.prefix(8)) under key \(claimed), but that replica signs with key \(bound) here — someone is impersonating it, or its key was replaced; nothing was applied"
        }
    }
}
