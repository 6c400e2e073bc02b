/// One relation crossed while walking the graph: from the previous entity to `entity`.
///
/// `direction` is `out` when the walk went from subject to object (`A —predicate→ X`)
/// and `in` when it went against it (`A ←predicate— X`).
public struct GraphStep: Hashable, Sendable {
    public var relationID: String
    public var predicate: String
    public var direction: EntityPage.Link.Direction
    public var entity: Entity
    public var place: ParagraphPlace?

    public init(relationID: String, predicate: String, direction: EntityPage.Link.Direction, entity: Entity, place: ParagraphPlace?) {
        self.relationID = relationID
        self.predicate = predicate
        self.direction = direction
        self.entity = entity
        self.place = place
    }
}
