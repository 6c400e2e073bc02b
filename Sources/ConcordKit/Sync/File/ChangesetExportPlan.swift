import Foundation
import GRDB

/// What a format 3 file will hold before a record is written: its ranges, how each is proved
/// (``RangeProof``), and the key table, worked out from the change log without reading the changes.
///
/// A relay forwards what it can prove. A replica's run of changes is split where its proofs
/// change: up to the last change with a chain signature known here, one chain proof (the chain
/// hash before the run is in the log); after it, the changes' own format-2 signatures if any
/// carries one, else nothing. A signature whose replica's key is not known here cannot be checked
/// by anyone, so such changes travel unsigned.
struct ChangesetExportPlan {
    var ranges: [ChangesetFileHeader.ReplicaRange] = []
    var proofs: [RangeProof] = []
    var keys: [String: Data] = [:]

    /// How many changes the ranges hold.
    var recordCount: Int { ranges.reduce(0) { $0 + Int($1.count) } }

    /// The plan for every change in the log not covered by `base`; `vector` is the log's version vector.
    static func notCovered(
        by base: [String: Int64], vector: [String: Int64], writer: String, writerKey: Data, in db: Database
    ) throws -> ChangesetExportPlan {
        var plan = ChangesetExportPlan()
        plan.keys[writer] = writerKey
        let known = try ReplicaKeyDirectory().keys(of: vector.keys, in: db).merging([writer: writerKey]) { _, own in own }
        for (replicaID, last) in vector.sorted(by: { $0.key < $1.key }) {
            let first = max(0, base[replicaID] ?? 0) + 1
            guard first <= last else { continue }
            try plan.add(replicaID, first: first, last: last, key: known[replicaID], in: db)
        }
        return plan
    }

    private mutating func add(_ replicaID: String, first: Int64, last: Int64, key: Data?, in db: Database) throws {
        var next = first
        if let key, let signed = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT sequence, chain_signature FROM sync_changes
                WHERE replica_id = ? AND sequence BETWEEN ? AND ? AND chain_signature IS NOT NULL
                ORDER BY sequence DESC LIMIT 1
                """),
            arguments: [replicaID, first, last]),
           let before = try? ChangeLog().chainHash(replica: replicaID, sequence: first - 1, in: db) {
            let end: Int64 = signed[0]
            append(.init(replicaID: replicaID, first: first, last: end), .chain(before: before, signature: signed[1]), key: key, of: replicaID)
            next = end + 1
        }
        guard next <= last else { return }
        let signedCount = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(signature) FROM sync_changes WHERE replica_id = ? AND sequence BETWEEN ? AND ?"),
            arguments: [replicaID, next, last]) ?? 0
        let proof: RangeProof = key != nil && signedCount > 0 ? .recordSignatures : .unsigned
        append(.init(replicaID: replicaID, first: next, last: last), proof, key: key, of: replicaID)
    }

    /// The plan for exactly `records` (as they are, in any order): each run of consecutive changes of a replica
    /// is chain-proved up to its last record carrying a chain signature when `chainBefore` gives the chain hash
    /// before the run (records of ranges that travel unsigned are written without their signatures).
    static func of(
        _ records: [ChangeRecord], writer: String, writerKey: Data, knownKeys: [String: Data],
        chainBefore: (String, Int64) -> Data?
    ) -> ChangesetExportPlan {
        var plan = ChangesetExportPlan()
        plan.keys[writer] = writerKey
        let known = knownKeys.merging([writer: writerKey]) { _, own in own }
        let bySequence = Dictionary(records.map { (RecordKey(replicaID: $0.replicaID, sequence: $0.sequence), $0) }) { first, _ in first }
        for range in ChangesetFileHeader.ranges(of: records) {
            var next = range.first
            let key = known[range.replicaID]
            if key != nil, let before = range.first == 1 ? ChangeChain.origin : chainBefore(range.replicaID, range.first - 1),
               let end = stride(from: range.last, through: range.first, by: -1).first(where: {
                   bySequence[RecordKey(replicaID: range.replicaID, sequence: $0)]?.chainSignature?.count == ChangeSignature.size
               }),
               let signature = bySequence[RecordKey(replicaID: range.replicaID, sequence: end)]?.chainSignature {
                plan.append(.init(replicaID: range.replicaID, first: range.first, last: end), .chain(before: before, signature: signature), key: key, of: range.replicaID)
                next = end + 1
            }
            guard next <= range.last else { continue }
            let signed = (next...range.last).contains { bySequence[RecordKey(replicaID: range.replicaID, sequence: $0)]?.signature != nil }
            plan.append(
                .init(replicaID: range.replicaID, first: next, last: range.last), key != nil && signed ? .recordSignatures : .unsigned,
                key: key, of: range.replicaID)
        }
        return plan
    }

    private mutating func append(_ range: ChangesetFileHeader.ReplicaRange, _ proof: RangeProof, key: Data?, of replicaID: String) {
        ranges.append(range)
        proofs.append(proof)
        if case .unsigned = proof { return }
        if let key { keys[replicaID] = key }
    }
}
