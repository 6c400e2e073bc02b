/// What extraction found in one document: entities with their aliases and
/// attributes, the relations between them and every mention, ready to store.
public struct ExtractedGraph: Sendable, Hashable {
    public var entities: [Entity] = []
    public var aliases: [Alias] = []
    public var attributes: [EntityAttribute] = []
    public var relations: [Relation] = []
    public var mentions: [Mention] = []

    public init(
        entities: [Entity] = [], aliases: [Alias] = [], attributes: [EntityAttribute] = [],
        relations: [Relation] = [], mentions: [Mention] = []
    ) {
        self.entities = entities
        self.aliases = aliases
        self.attributes = attributes
        self.relations = relations
        self.mentions = mentions
    }
}
