import Foundation

/// Finds bodies, people, instruments, events and States in a document, with the
/// relations between them and the places they are mentioned.
///
/// Extraction reads each paragraph twice. The first pass finds names: gazetteer
/// names (States, treaty bodies, UN organs and agencies, standard instruments),
/// names built the way UN documents build them (bodies, instruments, people after
/// an honorific) and short references resolved from what the document is about
/// ("the Committee", "the Convention"). The second pass, knowing those names,
/// finds events, full names of people, and the relations sentences state.
/// Entity ids derive from kind and canonical name (``StableID/entity(kind:canonicalName:)``),
/// so the same document gives the same graph on every machine.
public struct GraphExtractor: Sendable {
    public init() {}

    /// Extracts the graph of `document`, whose paragraphs are stored under `documentID`.
    public func extract(_ document: ParsedDocument, documentID: String) -> ExtractedGraph {
        let paragraphs = document.paragraphs.enumerated()
            .map { ParagraphText($0.element, index: $0.offset) }
            .filter { !PageFurnitureFilter.isFurniture($0) }
        guard !paragraphs.isEmpty else { return ExtractedGraph() }
        let gazetteer = GazetteerRecognizer.shared
        let gazetteerNames = paragraphs.map { gazetteer.recognize($0, folded: FoldedText($0.text)) }
        let context = DocumentContext.infer(document, paragraphs: paragraphs, names: gazetteerNames)
        let people = PersonRecognizer()
        var findings = Findings()

        // First pass: names.
        var names: [[EntityCandidate]] = []
        for (position, paragraph) in paragraphs.enumerated() {
            var candidates = gazetteerNames[position]
            candidates += BodyRecognizer(context: context).recognize(paragraph)
            candidates += CoreferenceResolver(context: context).recognize(paragraph)
            candidates += people.recognizeHonorifics(paragraph)
            var instruments = Findings()
            InstrumentRecognizer(context: context).recognize(paragraph, names: OverlapResolver.resolve(candidates), findings: &instruments)
            candidates += instruments.entities
            findings.relations += instruments.relations
            findings.facts.merge(instruments.facts) { first, _ in first }
            names.append(OverlapResolver.resolve(candidates))
        }
        let surnames = Set(names.joined().filter { $0.key.kind == .person }.map { PersonRecognizer.surname(of: $0.key.name) })

        // Second pass: full names, events, relations.
        for (position, paragraph) in paragraphs.enumerated() {
            var candidates = names[position]
            candidates += people.recognizeFullNames(paragraph, knownSurnames: surnames, taken: candidates.filter { $0.layer == .name })
            var local = Findings()
            EventRecognizer(context: context).recognize(paragraph, names: candidates.filter { $0.layer == .name }, findings: &local)
            candidates = OverlapResolver.resolve(candidates + local.entities)
            let kept = candidates.filter { $0.layer == .name }
            SpeakerRelations(context: context).relate(paragraph, names: kept, findings: &local)
            VerbRelations().relate(paragraph, names: kept, findings: &local)
            findings.entities += OverlapResolver.resolve(candidates + local.entities.filter { candidate in
                !candidates.contains { $0.key == candidate.key && $0.range == candidate.range }
            })
            findings.relations += local.relations
            findings.facts.merge(local.facts) { first, _ in first }
        }
        recordMeeting(document, paragraphs: paragraphs, context: context, findings: &findings)
        return GraphAssembler(documentID: documentID, paragraphs: document.paragraphs).assemble(findings, implicit: Set([context.recordedMeeting, context.recordedMeeting == nil ? nil : context.bodyKey].compactMap { $0 }))
    }

    /// The meeting a summary record records: its date and times, and the body that held it.
    private func recordMeeting(_ document: ParsedDocument, paragraphs: [ParagraphText], context: DocumentContext, findings: inout Findings) {
        guard let meeting = context.recordedMeeting, let first = paragraphs.first else { return }
        let times = MeetingTimes.times(document, paragraphs: paragraphs)
        findings.setDate(document.dated, of: meeting)
        findings.setAttribute("start_time", times.start, of: meeting)
        findings.setAttribute("end_time", times.end, of: meeting)
        findings.setAttribute("symbol", document.symbol, of: meeting)
        if findings.facts[meeting] == nil { findings.facts[meeting] = EntityFacts() }
        findings.relate(meeting, .heldBy, context.bodyKey, in: first.index)
    }
}
