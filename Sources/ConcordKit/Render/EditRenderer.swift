/// Prints what an edit did (`add`, `set`, `alias`, `link`, `unlink`, `merge`, `delete`):
/// one line saying it, and a hint when something deserves a second look.
struct EditRenderer {
    /// The frozen JSON shape of `add --json`.
    struct AddedJSON: Encodable {
        var id: String
        var kind: String
        var name: String
    }

    let console: Console

    func render(_ added: AddedEntity, json: Bool) {
        if json {
            let entity = added.entity
            console.line((try? JSONLines.line(AddedJSON(id: entity.id, kind: entity.kind.rawValue, name: entity.name))) ?? "{}")
            return
        }
        console.line("added \(added.entity.kind.rawValue) \(label(added.entity))")
        if !added.namesakes.isEmpty {
            hint("also called so: \(added.namesakes.joined(separator: "; ")); if they are the same, merge OLD NEW")
        }
    }

    func render(_ change: FieldChange) {
        let field = change.field.name
        if change.changesNothing {
            console.line("\(label(change.entity)) already has \(field) \(quoted(change.oldValue)); nothing changed")
            return
        }
        if let newValue = change.newValue {
            let was = change.oldValue.map { " (was \"\($0)\")" } ?? ""
            console.line("set \(field) of \(label(change.entity)) to \"\(newValue)\"\(was)")
        } else {
            console.line("cleared \(field) of \(label(change.entity)) (was \(quoted(change.oldValue)))")
        }
        if !change.addedAliases.isEmpty {
            console.line("aliases added: " + change.addedAliases.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }

    func render(_ change: AliasChange) {
        if change.alreadyKnown {
            console.line("\(label(change.entity)) already goes by \"\(change.alias)\"; nothing changed")
        } else {
            console.line("added alias \"\(change.alias)\" to \(label(change.entity))")
        }
        if !change.sharedWith.isEmpty {
            hint("\"\(change.alias)\" also names \(change.sharedWith.joined(separator: "; ")); that name is now ambiguous, use ids")
        }
    }

    func render(_ change: LinkChange) {
        let sentence = "\(label(change.subject)) \(change.predicate.rawValue) \(label(change.object))"
        if change.changesNothing {
            console.line("already linked: \(sentence) (\(change.existingIDs.joined(separator: ", "))); nothing changed")
        } else if !change.confirmedIDs.isEmpty {
            console.line("confirmed \(sentence) (\(change.confirmedIDs.joined(separator: ", ")))")
        } else {
            console.line("linked \(sentence) (\(change.relationID))")
        }
    }

    func render(_ change: UnlinkChange) {
        let count = change.relationIDs.count
        console.line(
            "unlinked \(label(change.subject)) \(change.predicate.rawValue) \(label(change.object)) (\(count) relation\(count == 1 ? "" : "s") removed)")
    }

    func render(_ change: MergeChange) {
        console.line("merged \(label(change.duplicate)) into \(label(change.survivor))")
        let parts = [
            counted(change.aliasCount, "alias", "aliases"), counted(change.mentionCount, "mention", "mentions"),
            counted(change.relationCount, "relation", "relations"), counted(change.noteCount, "note or tag", "notes and tags"),
        ].compactMap { $0 }
        if !parts.isEmpty {
            console.line("its " + Self.list(parts) + " now show under \(change.survivor.name); \(change.duplicate.id) leads there too")
        }
    }

    func render(_ change: DeleteChange) {
        let count = change.hiddenRelationCount
        let relations = count == 0 ? "" : "; \(count) relation\(count == 1 ? "" : "s") to it hidden"
        console.line("deleted \(change.entity.kind.rawValue) \(label(change.entity))\(relations)")
    }

    private func label(_ entity: Entity) -> String {
        console.styled(entity.name, .bold) + " (\(entity.id))"
    }

    private func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "no value" }

    private func hint(_ text: String) { console.line(console.styled("note: ", .dim) + text) }

    private func counted(_ count: Int, _ singular: String, _ plural: String) -> String? {
        count == 0 ? nil : "\(count) \(count == 1 ? singular : plural)"
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ parts: [String]) -> String {
        guard let last = parts.last else { return "" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
