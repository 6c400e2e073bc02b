import Foundation
import GRDB

/// Exchanges changes through a shared folder (`concord sync DIR`): a USB stick, a
/// network share, a Syncthing- or git-managed folder.
///
/// Each replica writes only into `DIR/<its replica id>/`, each file under a temporary
/// name then renamed, so two replicas never write the same path and nobody reads a
/// half-written file. A run imports every other replica's files not imported before
/// (each file atomically), then writes one file with every change it has that the
/// folder does not hold yet. Re-importing is harmless, so any number of machines may
/// run it on the same folder in any interleaving. See `sync/FORMAT.md`.
public struct SyncFolder: Sendable {
    /// What a run did.
    public struct Report: Sendable {
        public var folder: String
        public var imported: [ChangesetImporter.Outcome] = []
        /// Files skipped because they were imported before (same name, size and checksum).
        public var skipped = 0
        /// The file written into this replica's folder, if there was anything new to write.
        public var written: (name: String, changes: Int)?
        /// One line per refused file or entry; nothing of them was applied.
        public var refusals: [String] = []
        /// Things to know that are not errors.
        public var warnings: [String] = []
        /// Files refused again, unchanged since they were reported: counted, by the replica folder they are in.
        public var stillRefused: [String: Int] = [:]
        /// Files left unread because their replica is ignored (`trust ignore`).
        public var ignoredFiles = 0

        /// Whether some file could not be imported (reported now or before); the rest was imported all the same.
        public var refusedSome: Bool { !refusals.isEmpty || !stillRefused.isEmpty }

        public var applied: Int { imported.map(\.applied).reduce(0, +) }
        public var waiting: Int { imported.map(\.waiting).reduce(0, +) }
    }

    /// The exit status of a `sync` run that imported what it could but refused some files.
    public static let someRefusedStatus: Int32 = 3

    public init() {}

    /// Runs one exchange through `folder` (created if missing, when its parent exists).
    public func synchronize(folder: String, knowledgeBase: KnowledgeBase, now: Date = Date()) throws -> Report {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        try prepare(root: root, localReplicaID: knowledgeBase.replicaID)
        let memory = SyncFolderMemory(folder: root)
        let listing = try SyncFolderListing(folder: root, localReplicaID: knowledgeBase.replicaID)
        var report = Report(folder: root, refusals: listing.refusals)
        let (remembered, ignored) = try knowledgeBase.read { db in
            (try memory.entries(in: db), Set(try SyncFolderRefusals().ignored(in: db)))
        }
        for candidate in listing.candidates {
            if ignored.contains(candidate.folderReplicaID) {
                report.ignoredFiles += 1
                continue
            }
            try importIfNew(candidate, remembered: remembered, memory: memory, knowledgeBase: knowledgeBase, report: &report)
        }
        for name in listing.ownFiles.sorted() where remembered[name]?.direction != "written" {
            report.warnings.append("\(root)/\(name) was not written by this knowledge base; another copy of it, or an older backup, writes as the same replica")
        }
        try writeNewChanges(root: root, listing: listing, memory: memory, knowledgeBase: knowledgeBase, now: now, report: &report)
        return report
    }

    private func prepare(root: String, localReplicaID: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if !fileManager.fileExists(atPath: root, isDirectory: &isDirectory) {
            let parent = (root as NSString).deletingLastPathComponent
            guard fileManager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SyncFolderError.notAFolder(root)
            }
        } else if !isDirectory.boolValue {
            throw SyncFolderError.notAFolder(root)
        }
        let own = root + "/" + localReplicaID
        if SyncFolderListing.kind(of: own) == .symbolicLink { throw SyncFolderError.symbolicLink(own) }
        do {
            try fileManager.createDirectory(atPath: own, withIntermediateDirectories: true)
        } catch {
            throw SyncFolderError.cannotCreate(own, reason: error.localizedDescription)
        }
    }

    private func importIfNew(
        _ candidate: SyncFolderListing.Candidate, remembered: [String: SyncFolderMemory.Entry], memory: SyncFolderMemory,
        knowledgeBase: KnowledgeBase, report: inout Report
    ) throws {
        let stored = ChangesetFileReader.storedChecksum(path: candidate.path)
        if let stored, let known = remembered[candidate.name], known.size == stored.size, known.checksum == stored.checksum {
            report.skipped += 1
            return
        }
        do {
            let outcome = try ChangesetImporter().importFile(
                at: candidate.path, displayName: candidate.path, into: knowledgeBase,
                accept: { header in
                    if header.originReplicaID == knowledgeBase.replicaID {
                        throw SyncTransportError.fromThisReplica(file: candidate.path)
                    }
                    if header.originReplicaID != candidate.folderReplicaID {
                        throw SyncFolderError.wrongOrigin(file: candidate.path, folderReplica: candidate.folderReplicaID, origin: header.originReplicaID)
                    }
                },
                afterApplying: { outcome, db in
                    let size = (try? FileManager.default.attributesOfItem(atPath: candidate.path)[.size] as? NSNumber)?.int64Value ?? 0
                    try memory.remember(
                        SyncFolderMemory.Entry(name: candidate.name, size: size, checksum: outcome.checksum, ranges: outcome.ranges, direction: "imported"),
                        in: db)
                })
            report.imported.append(outcome)
        } catch let error as LocalizedError {
            try noteRefusal(error.errorDescription ?? "\(candidate.path): refused", of: candidate, stored: stored, knowledgeBase: knowledgeBase, report: &report)
        }
    }

    /// Reports a refused file the first time (or when it changed), and only counts it afterwards.
    private func noteRefusal(
        _ reason: String, of candidate: SyncFolderListing.Candidate, stored: (size: Int64, checksum: String)?,
        knowledgeBase: KnowledgeBase, report: inout Report
    ) throws {
        let folder = report.folder, refusals = SyncFolderRefusals()
        let size = stored?.size ?? -1, checksum = stored?.checksum ?? ""
        let known = try knowledgeBase.read { db in
            try refusals.wasRefused(folder: folder, name: candidate.name, size: size, checksum: checksum, in: db)
        }
        if known {
            report.stillRefused[candidate.folderReplicaID, default: 0] += 1
            return
        }
        report.refusals.append(reason)
        guard !knowledgeBase.isReadOnly else { return }
        try knowledgeBase.database.write { db in
            try refusals.remember(folder: folder, name: candidate.name, size: size, checksum: checksum, reason: reason, in: db)
        }
    }

    private func writeNewChanges(
        root: String, listing: SyncFolderListing, memory: SyncFolderMemory, knowledgeBase: KnowledgeBase, now: Date,
        report: inout Report
    ) throws {
        let stillThere = try knowledgeBase.read { db in try memory.entries(in: db) }.values.filter { listing.present.contains($0.name) }
        let coverage = SyncFolderMemory.coverage(of: stillThere)
        let own = root + "/" + knowledgeBase.replicaID
        let stamp = Self.fileStamp(now)
        // Streamed from the change log (one change in memory at a time); nothing is written if the folder has it all.
        let streamed = try knowledgeBase.read { db -> (header: ChangesetFileHeader, path: String)? in
            guard try ChangeLog().versionVector(in: db).contains(where: { $0.value > (coverage[$0.key] ?? 0) }) else { return nil }
            return try ChangesetExporter().write(
                notCoveredBy: coverage, to: own + "/" + stamp + ".concord", knowledgeBase: knowledgeBase,
                name: { checksum in "\(stamp)-\(checksum.prefix(12)).\(ChangesetFileFormat.fileExtension)" }, in: db)
        }
        guard let written = streamed else { return }
        let name = knowledgeBase.replicaID + "/" + (written.path as NSString).lastPathComponent
        let stored = ChangesetFileReader.storedChecksum(path: written.path)
        try knowledgeBase.database.write { db in
            try memory.remember(
                SyncFolderMemory.Entry(name: name, size: stored?.size ?? 0, checksum: stored?.checksum ?? "", ranges: written.header.ranges, direction: "written"),
                in: db)
        }
        report.written = (name, written.header.recordCount)
    }

    /// `yyyyMMdd'T'HHmmssSSS` in UTC: file names sort by the time they were written.
    static func fileStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let milliseconds = (parts.nanosecond ?? 0) / 1_000_000
        return String(
            format: "%04d%02d%02dT%02d%02d%02d%03d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0, milliseconds)
    }
}
