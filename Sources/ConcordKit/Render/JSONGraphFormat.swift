/// Writes a graph as JSON lines: one `{"type":"entity",…}` object per entity, then one
/// `{"type":"relation",…}` per relation with the paragraph that states it. Keys sorted;
/// the shapes are frozen (scripts depend on them).
public struct JSONGraphFormat: GraphFormat {
    struct EntityJSON: Encodable {
        var type = "entity"
        var id: String
        var kind: String
        var name: String
        var aliases: [String]
        var summary: String?
        var date: String?
        var place: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(aliases, forKey: .aliases)
            try container.encode(summary, forKey: .summary)
            try container.encode(date, forKey: .date)
            try container.encode(place, forKey: .place)
        }

        enum CodingKeys: String, CodingKey { case type, id, kind, name, aliases, summary, date, place }
    }

    struct RelationJSON: Encodable {
        var type = "relation"
        var id: String
        var subject: String
        var predicate: String
        var object: String
        var source: PlaceJSON?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(subject, forKey: .subject)
            try container.encode(predicate, forKey: .predicate)
            try container.encode(object, forKey: .object)
            try container.encode(source, forKey: .source)
        }

        enum CodingKeys: String, CodingKey { case type, id, subject, predicate, object, source }
    }

    public init() {}

    public func text(_ snapshot: GraphSnapshot) throws -> String {
        var lines: [String] = []
        for node in snapshot.nodes {
            let entity = node.entity
            lines.append(try JSONLines.line(EntityJSON(
                id: entity.id, kind: entity.kind.rawValue, name: entity.name, aliases: node.aliases,
                summary: entity.summary, date: entity.date, place: entity.place)))
        }
        for edge in snapshot.edges {
            lines.append(try JSONLines.line(RelationJSON(
                id: edge.relationID, subject: edge.subjectID, predicate: edge.predicate, object: edge.objectID,
                source: edge.place.map(PlaceJSON.init))))
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
