/// The frozen JSON shape of a paragraph reference inside other JSON objects:
/// `document` is the source file name, `paragraph` the ordinal, `number` the
/// official number or null (the same meaning as in `search --json`).
struct PlaceJSON: Encodable, Equatable {
    var document: String
    var symbol: String?
    var paragraph: Int
    var number: Int?

    init(_ place: ParagraphPlace) {
        document = place.sourceName
        symbol = place.symbol
        paragraph = place.ordinal
        number = place.number
    }

    enum CodingKeys: String, CodingKey { case document, symbol, paragraph, number }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(paragraph, forKey: .paragraph)
        try container.encode(number, forKey: .number)
    }
}

/// The frozen JSON shape of a step along relations (`links`, `path`): the entity reached,
/// the predicate crossed, `out` (subject to object) or `in`, and where the relation is stated.
struct StepJSON: Encodable {
    var id: String
    var kind: String
    var name: String
    var predicate: String
    var direction: String
    var relation: String
    var source: PlaceJSON?

    init(_ step: GraphStep) {
        id = step.entity.id
        kind = step.entity.kind.rawValue
        name = step.entity.name
        predicate = step.predicate
        direction = step.direction.rawValue
        relation = step.relationID
        source = step.place.map(PlaceJSON.init)
    }

    enum CodingKeys: String, CodingKey { case id, kind, name, predicate, direction, relation, source }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(predicate, forKey: .predicate)
        try container.encode(direction, forKey: .direction)
        try container.encode(relation, forKey: .relation)
        try container.encode(source, forKey: .source)
    }
}
