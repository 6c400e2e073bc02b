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

    public var errorDescription: String? {
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
        }
    }
}
