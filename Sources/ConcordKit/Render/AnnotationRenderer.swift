/// Prints what `note`, `tag` and `untag` did.
struct AnnotationRenderer {
    let console: Console

    func render(_ added: AddedAnnotation) {
        let target = shown(added.target)
        switch added.annotation.annotationKind {
        case .note:
            console.line("noted on \(target) (\(added.annotation.id))")
        case .tag where added.changesNothing:
            let by = added.alreadyTaggedBy.joined(separator: ", ")
            console.line("\(target) is already tagged \(added.annotation.body) (by \(by)); nothing changed")
        case .tag:
            console.line("tagged \(target) \(added.annotation.body)")
        }
    }

    func render(_ removed: RemovedTags) {
        let count = removed.annotationIDs.count
        let times = count == 1 ? "" : " (\(count) tags)"
        console.line("removed tag \(removed.tag) from \(shown(removed.target))\(times)")
    }

    /// The target as edits show entities: the name (bold on a terminal) and the id.
    private func shown(_ target: AnnotationTarget) -> String {
        if case let .entity(entity) = target { return console.styled(entity.name, .bold) + " (\(entity.id))" }
        return console.styled(target.label, .bold)
    }
}
