import Foundation

/// Decodes what ``RecordStreamEncoder`` wrote, keeping the same back-references, and checking
/// every length and limit of format 2 (author, summary, dependencies).
struct RecordStreamDecoder {
    private var previousTimestamp: UInt64 = 0
    private var authors: [String] = []
    private var previousDependencies: [Int: [String: Int64]] = [:]
    private let vectorReplicas: [String]

    init(vectorReplicas: [String]) {
        self.vectorReplicas = vectorReplicas.sorted()
    }

    /// The record whose body is `body`, in range `rangeIndex` as change `sequence` of `replicaID`.
    mutating func decode(
        _ body: [UInt8], rangeIndex: Int, replicaID: String, sequence: Int64, proof: RangeProof
    ) throws -> ChangeRecord {
        var decoder = BinaryDecoder(body)
        let timestamp = previousTimestamp &+ UInt64(bitPattern: try decoder.signedVarint("timestamp"))
        previousTimestamp = timestamp
        let dependencies = try decodeDependencies(&decoder, rangeIndex: rangeIndex)
        let authorReference = try decoder.varint("author")
        let author: String
        if authorReference == 0 {
            author = try decoder.varintString(limit: ChangesetFileFormat.Limit.authorBytes, "author")
            if authors.count < ChangesetFileFormat.authorTableSize { authors.append(author) }
        } else {
            guard authorReference <= UInt64(authors.count) else {
                throw BinaryDecoder.Failure(reason: "it names author \(authorReference) of \(authors.count) written so far")
            }
            author = authors[Int(authorReference) - 1]
        }
        let summary = try decoder.varintString(limit: ChangesetFileFormat.Limit.summaryBytes, "summary")
        let changesetLength = try decoder.varint("changeset length")
        guard changesetLength <= UInt64(decoder.remaining) else { throw BinaryDecoder.Failure(reason: "changeset runs past the end of its record") }
        let changeset = Data(try decoder.raw(Int(changesetLength), "changeset"))
        var signature: Data?
        if case .recordSignatures = proof {
            let length = Int(try decoder.integer(UInt8.self, "signature length"))
            guard length == 0 || length == ChangeSignature.size else {
                throw BinaryDecoder.Failure(reason: "its signature is \(length) bytes long, not \(ChangeSignature.size)")
            }
            if length > 0 { signature = Data(try decoder.raw(length, "signature")) }
        }
        guard decoder.remaining == 0 else { throw BinaryDecoder.Failure(reason: "\(decoder.remaining) bytes left over after its last field") }
        return ChangeRecord(
            replicaID: replicaID, sequence: sequence, timestamp: timestamp, author: author, summary: summary,
            dependencies: dependencies, changeset: changeset, signature: signature)
    }

    private mutating func decodeDependencies(_ decoder: inout BinaryDecoder, rangeIndex: Int) throws -> [String: Int64] {
        let marker = try decoder.varint("dependency count")
        if marker == 0 { return previousDependencies[rangeIndex] ?? [:] }
        let count = marker - 1
        guard count <= UInt64(ChangesetFileFormat.Limit.dependencies), count * 2 <= UInt64(decoder.remaining) else {
            throw BinaryDecoder.Failure(reason: "it announces \(count) dependencies, more than it holds")
        }
        var dependencies: [String: Int64] = [:]
        for _ in 0..<count {
            let reference = try decoder.varint("dependency replica")
            let replicaID: String
            if reference == 0 {
                replicaID = try decoder.replica("dependency replica")
            } else {
                guard reference <= UInt64(vectorReplicas.count) else {
                    throw BinaryDecoder.Failure(reason: "a dependency names replica \(reference) of the \(vectorReplicas.count) in the version vector")
                }
                replicaID = vectorReplicas[Int(reference) - 1]
            }
            let sequence = try decoder.varint("dependency sequence")
            guard sequence >= 1, sequence <= UInt64(Int64.max) else { throw BinaryDecoder.Failure(reason: "a dependency's sequence is out of range (\(sequence))") }
            guard dependencies.updateValue(Int64(sequence), forKey: replicaID) == nil else {
                throw BinaryDecoder.Failure(reason: "it lists a dependency twice")
            }
        }
        previousDependencies[rangeIndex] = dependencies
        return dependencies
    }
}
