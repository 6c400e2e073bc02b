import Foundation
import GRDB

/// Which files of a sync folder were already imported or written here (table
/// `sync_folder_files`), so `sync` skips them without reading them, and knows what
/// the folder already holds.
struct SyncFolderMemory {
    /// A remembered file: its identity and the changes it holds.
    struct Entry: Equatable {
        var name: String
        var size: Int64
        var checksum: String
        var ranges: [ChangesetFileHeader.ReplicaRange]
        var direction: String
    }

    let folder: String

    /// Every remembered file of the folder, by '<replica>/<file>' name.
    func entries(in db: Database) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM sync_folder_files WHERE folder = ?", arguments: [folder]) {
            let json: String = row["ranges"]
            let triples = (try? JSONDecoder().decode([[RangeField]].self, from: Data(json.utf8))) ?? []
            let ranges = triples.compactMap { triple -> ChangesetFileHeader.ReplicaRange? in
                guard triple.count == 3, case let .text(replica) = triple[0], case let .number(first) = triple[1],
                      case let .number(last) = triple[2] else { return nil }
                return ChangesetFileHeader.ReplicaRange(replicaID: replica, first: first, last: last)
            }
            let entry = Entry(name: row["name"], size: row["size"], checksum: row["checksum"], ranges: ranges, direction: row["direction"])
            entries[entry.name] = entry
        }
        return entries
    }

    /// Remembers a file imported or written here.
    func remember(_ entry: Entry, in db: Database) throws {
        let triples = entry.ranges.map { [RangeField.text($0.replicaID), .number($0.first), .number($0.last)] }
        let json = String(decoding: try JSONEncoder().encode(triples), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO sync_folder_files (folder, name, size, checksum, ranges, direction, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [folder, entry.name, entry.size, entry.checksum, json, entry.direction, Timestamp.now()])
    }

    /// The changes the folder holds for sure, as a version vector: per replica, the highest
    /// sequence up to which every change is in a remembered file that is still there.
    static func coverage(of entries: some Sequence<Entry>) -> [String: Int64] {
        let byReplica = Dictionary(grouping: entries.flatMap(\.ranges), by: \.replicaID)
        var vector: [String: Int64] = [:]
        for (replicaID, ranges) in byReplica {
            var covered: Int64 = 0
            for range in ranges.sorted(by: { $0.first < $1.first }) where range.first <= covered + 1 {
                covered = max(covered, range.last)
            }
            if covered > 0 { vector[replicaID] = covered }
        }
        return vector
    }

    /// A JSON array element: a replica id or a sequence.
    enum RangeField: Codable, Equatable {
        case text(String)
        case number(Int64)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .text(text): try container.encode(text)
            case let .number(number): try container.encode(number)
            }
        }
    }
}
