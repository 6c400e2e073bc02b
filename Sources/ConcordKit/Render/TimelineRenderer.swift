/// Prints events in date order (`timeline`): date, name, place, and how each is tied
/// to the entity asked about; undated events last.
struct TimelineRenderer {
    /// The frozen JSON shape of one event (`timeline --json`).
    struct EventJSON: Encodable {
        var id: String
        var name: String
        var date: String?
        var place: String?
        var predicates: [String]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(date, forKey: .date)
            try container.encode(place, forKey: .place)
            try container.encode(predicates, forKey: .predicates)
        }

        enum CodingKeys: String, CodingKey { case id, name, date, place, predicates }
    }

    let console: Console
    let json: Bool

    func render(_ entries: [Timeline.Entry], about entity: Entity?) throws {
        if json {
            for entry in entries {
                console.line(try JSONLines.line(EventJSON(
                    id: entry.event.id, name: entry.event.name, date: entry.event.date, place: entry.event.place,
                    predicates: entry.predicates)))
            }
            return
        }
        if entries.isEmpty {
            console.line(entity.map { "no event is related to \($0.name)" } ?? "no events yet")
            return
        }
        if console.isPipe {
            let rows = entries.map { entry in
                [entry.event.date ?? "", entry.event.name, entry.event.place ?? "", entry.predicates.joined(separator: ", ")]
            }
            return TabSeparatedLines.write(header: ["date", "event", "place", "ties"], rows: rows, to: console)
        }
        let rows = entries.map { entry -> [String] in
            var name = entry.event.name
            if let place = entry.event.place { name += ", \(place)" }
            let tie = entry.predicates.filter { $0 != "itself" }
            if !tie.isEmpty { name += " (\(tie.joined(separator: ", ")))" }
            return [entry.event.date ?? "undated", name]
        }
        for line in TextTable(rows: rows).lines(width: console.width) { console.line(line) }
    }
}
