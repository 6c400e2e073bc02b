import GRDB

/// An edit worked out and validated against the knowledge base before anything is written.
///
/// Editors first plan an edit on a read snapshot (resolving names, checking values),
/// which gives the summary `log` shows; then, inside the one write transaction, they
/// plan it again and apply it only if the plan is unchanged. So bad input never
/// half-applies, and a concurrent writer cannot slip in between the check and the write.
public protocol PlannedEdit: Equatable, Sendable {
    /// What the edit does, in words, naming entities by name and id (shown by `log`).
    var summary: String { get }
    /// `true` when the knowledge base already says this: nothing is written.
    var changesNothing: Bool { get }
}

extension KnowledgeBase {
    /// Plans an edit with `plan`, then writes it with `apply` in one transaction
    /// (unless it changes nothing); returns the plan that was applied.
    func perform<Edit: PlannedEdit>(
        _ plan: (Database) throws -> Edit, apply: (Edit, Database) throws -> Void
    ) throws -> Edit {
        let planned = try read { db in try plan(db) }
        if planned.changesNothing { return planned }
        return try write(planned.summary) { db in
            let fresh = try plan(db)
            guard fresh == planned else { throw EditingError.changedMeanwhile }
            try apply(fresh, db)
            return fresh
        }
    }
}

extension Entity {
    /// How edits name an entity in messages and summaries: `"Ana Example" (person:3fa4…)`.
    public var editLabel: String { "\"\(name)\" (\(id))" }
}
