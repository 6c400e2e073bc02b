/// A field `set ENTITY FIELD VALUE` can change: one of the entity's own columns,
/// or a free attribute kept as a row of `entity_attributes`.
public enum EntityField: Equatable, Sendable {
    case name
    case summary
    case date
    case place
    /// Any other lowercase word (`start_time`, `role`, `symbol`).
    case attribute(String)

    /// The field's name as typed and stored.
    public var name: String {
        switch self {
        case .name: return "name"
        case .summary: return "summary"
        case .date: return "date"
        case .place: return "place"
        case let .attribute(name): return name
        }
    }

    /// The `entities` column this field is, or `nil` for a free attribute.
    var column: String? {
        if case .attribute = self { return nil }
        return name
    }

    /// The field a user typed; `kind` and the bookkeeping columns are refused with what to use instead.
    public static func parse(_ typed: String, entity: String) throws -> EntityField {
        let field = typed.trimmingCharacters(in: .whitespaces).lowercased()
        switch field {
        case "name": return .name
        case "summary": return .summary
        case "date": return .date
        case "place": return .place
        case "kind": throw EditingError.kindCannotChange(entity: entity)
        case "id": throw EditingError.reservedField(field, useInstead: "add to make a new entity and merge to fold one into another")
        case "merged_into": throw EditingError.reservedField(field, useInstead: "merge A B")
        case "is_deleted": throw EditingError.reservedField(field, useInstead: "delete ENTITY")
        case "alias", "aliases": throw EditingError.reservedField(field, useInstead: "alias ENTITY \"OTHER NAME\"")
        default: break
        }
        let isWord = field.first?.isLetter == true
            && field.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard isWord, field.count <= 64 else { throw GraphError.unknownField(typed) }
        return .attribute(field)
    }
}
