/// Prints `status`: aligned labels on a terminal, or one JSON object.
struct SyncStatusRenderer {
    /// The frozen JSON shape of `status --json`.
    struct StatusJSON: Encodable {
        var replica: String
        var author: String
        var baseline: String
        var version_vector: String
        var changes: Int
        var local_changes: Int
        var waiting: [SyncStatus.Waiting]
        var peers: [PeerJSON]
    }

    struct PeerJSON: Encodable {
        var replica: String
        var version_vector: String
        var lacks: Int
        var last_file: String
        var written_at: String
    }

    let console: Console
    let json: Bool

    func render(_ status: SyncStatus) {
        if json {
            let peers = status.peers.map {
                PeerJSON(replica: $0.replica, version_vector: $0.versionVector, lacks: $0.lacks, last_file: $0.lastFile, written_at: $0.writtenAt)
            }
            let value = StatusJSON(
                replica: status.replicaID, author: status.author, baseline: status.baseline,
                version_vector: VersionVectorText.format(status.versionVector), changes: status.changeCount,
                local_changes: status.localChangeCount, waiting: status.waiting, peers: peers)
            console.line((try? JSONLines.line(value)) ?? "{}")
            return
        }
        let label = { (text: String) in console.styled(TextWrapper.padded(text, to: 10), .bold) }
        console.line(label("replica") + status.replicaID + "  (" + status.author + ")")
        console.line(label("baseline") + status.baseline)
        console.line(label("changes") + "\(status.changeCount) in the log, \(status.localChangeCount) made here")
        console.line(label("version") + VersionVectorText.format(status.versionVector))
        if status.waiting.isEmpty {
            console.line(label("waiting") + "nothing waits for earlier changes")
        } else {
            console.line(label("waiting") + "\(status.waiting.count) change\(status.waiting.count == 1 ? "" : "s") wait for earlier ones:")
            let rows = status.waiting.map { change in
                ["  \(change.replica.prefix(8))#\(change.sequence)", change.author, "needs " + Self.shortVector(change.missing), change.summary]
            }
            for line in TextTable(rows: rows).lines(width: console.width) { console.line(line) }
        }
        if status.peers.isEmpty {
            console.line(label("peers") + "none yet (import a file from another replica)")
        } else {
            console.line(label("peers") + "what each had in its last file imported here:")
            let rows = status.peers.map { peer in
                ["  \(peer.replica.prefix(8))", peer.lacks == 0 ? "up to date" : "lacks \(peer.lacks)", String(peer.writtenAt.prefix(16)), peer.lastFile]
            }
            for line in TextTable(rows: rows).lines(width: console.width) { console.line(line) }
        }
    }

    /// A version vector text with replica ids cut to 8 characters, for reading (not for copying).
    static func shortVector(_ text: String) -> String {
        text.split(separator: ",").map { entry in
            let parts = entry.split(separator: ":")
            return parts.count == 2 ? "\(parts[0].prefix(8)):\(parts[1])" : String(entry)
        }.joined(separator: ",")
    }
}
