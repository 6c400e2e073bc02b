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
        var lastConvention: EntityKey?
        let conventions = ConventionReferences(context: context)
        for (position, paragraph) in paragraphs.enumerated() {
            var candidates = CityGazetteer.removingStatesInCities(gazetteerNames[position], in: paragraph)
            candidates += BodyRecognizer(context: context).recognize(paragraph)
            candidates += CoreferenceResolver(context: context).recognize(paragraph)
            candidates += people.recognizeHonorifics(paragraph)
            var instruments = Findings()
            InstrumentRecognizer(context: context).recognize(paragraph, names: OverlapResolver.resolve(candidates), findings: &instruments)
            candidates += instruments.entities
            candidates += conventions.recognize(paragraph, names: OverlapResolver.resolve(candidates), lastNamed: &lastConvention)
            findings.relations += instruments.relations
            findings.facts.merge(instruments.facts) { first, _ in first }
            let resolved = Self.wrappedTitlesCompleted(OverlapResolver.resolve(candidates), in: paragraph)
            names.append(Self.recordSymbolIsTheMeeting(resolved, context: context, document: document))
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
        Self.titleOfOwnSymbol(document, context: context, findings: &findings)
        var assembler = GraphAssembler(documentID: documentID, paragraphs: document.paragraphs)
        assembler.texts = Dictionary(uniqueKeysWithValues: paragraphs.map { ($0.index, $0) })
        return assembler.assemble(findings, implicit: Self.implicit(context), named: Self.titlePageNames(document, context: context))
    }

    /// The bodies, instruments and States the title page names (the issuing body, the treaty,
    /// the State a report is about), line by line: the reader keeps that page as metadata, so
    /// these are kept as entities of the document without a mention.
    private static func titlePageNames(_ document: ParsedDocument, context: DocumentContext) -> [EntityKey] {
        let ownSymbol = document.symbol ?? context.header.symbol
        var keys: [EntityKey] = []
        // "United Nations" alone is the masthead of every document, not a body it names.
        for line in document.titlePage where line.count >= 4 && line != "United Nations" {
            let paragraph = ParagraphText(ParsedParagraph(ordinal: 0, number: nil, kind: .text, section: nil, text: line), index: -1)
            var candidates = GazetteerRecognizer.shared.recognize(paragraph, folded: FoldedText(paragraph.text))
            candidates += BodyRecognizer(context: context).recognize(paragraph)
            for candidate in OverlapResolver.resolve(candidates) where candidate.layer == .name {
                let key = candidate.key
                guard [.body, .instrument, .state].contains(key.kind), key.name != ownSymbol, !keys.contains(key) else { continue }
                keys.append(key)
            }
        }
        return keys
    }

    /// A body's or instrument's name cut at the end of its paragraph (a title wrapped onto
    /// the next line, which the reader took for a new paragraph) stands for the one
    /// gazetteer name it begins.
    private static func wrappedTitlesCompleted(_ candidates: [EntityCandidate], in paragraph: ParagraphText) -> [EntityCandidate] {
        guard let last = candidates.last, last.key.kind == .body || last.key.kind == .instrument,
              paragraph.substring(NSRange(location: last.end, length: paragraph.length - last.end))
                .allSatisfy(\.isWhitespace),
              GazetteerRecognizer.shared.entry(named: last.key.name) == nil,
              let whole = GazetteerRecognizer.shared.entry(completing: last.key.name) else { return candidates }
        var completed = candidates
        completed[completed.count - 1].key = whole
        completed[completed.count - 1].surfaceIsAlias = false
        return completed
    }

    /// A summary record's own symbol names the meeting it records, not a separate document;
    /// any other document's symbol and its title, printed on its cover, name one entity (the symbol's).
    private static func recordSymbolIsTheMeeting(_ candidates: [EntityCandidate], context: DocumentContext, document: ParsedDocument) -> [EntityCandidate] {
        guard let symbol = document.symbol ?? context.header.symbol else { return candidates }
        let own = context.recordedMeeting ?? EntityKey(.instrument, symbol)
        let title = context.recordedMeeting == nil ? document.title.map(GraphAssembler.collapse) : nil
        return candidates.map { candidate in
            guard candidate.key.kind == .instrument, candidate.key.name == symbol || candidate.key.name == title else { return candidate }
            var renamed = candidate
            renamed.key = own
            return renamed
        }
    }

    /// The document's title as an alias of the entity its own symbol names, when the text prints the symbol.
    private static func titleOfOwnSymbol(_ document: ParsedDocument, context: DocumentContext, findings: inout Findings) {
        guard context.recordedMeeting == nil, let symbol = document.symbol, let title = document.title.map(GraphAssembler.collapse),
              title != symbol, !title.isEmpty else { return }
        let key = EntityKey(.instrument, symbol)
        guard findings.entities.contains(where: { $0.key == key }) else { return }
        findings.addAlias(title, of: key)
    }

    /// Entities a summary record implies without naming them in its text: the meeting it
    /// records, the body that held it, its session and its Chair.
    private static func implicit(_ context: DocumentContext) -> Set<EntityKey> {
        guard let meeting = context.recordedMeeting else { return [] }
        return Set([meeting, context.bodyKey, context.session, context.chair].compactMap { $0 })
    }

    /// The meeting a summary record records: its date, times and place from the header, the
    /// symbol as an alias, the body that held it, the session it is part of and its Chair.
    private func recordMeeting(_ document: ParsedDocument, paragraphs: [ParagraphText], context: DocumentContext, findings: inout Findings) {
        guard let meeting = context.recordedMeeting, let first = paragraphs.first else { return }
        let header = context.header
        let times = MeetingTimes.times(document, paragraphs: paragraphs)
        findings.setDate(header.date, of: meeting)
        findings.setPlace(header.place, of: meeting)
        findings.setAttribute("start_time", times.start ?? header.startTime, of: meeting)
        findings.setAttribute("end_time", times.end, of: meeting)
        let symbol = document.symbol ?? header.symbol
        findings.setAttribute("symbol", symbol, of: meeting)
        if let symbol, symbol != meeting.name { findings.addAlias(symbol, of: meeting) }
        if findings.facts[meeting] == nil { findings.facts[meeting] = EntityFacts() }
        let title = header.titleParagraph ?? first.index
        findings.relate(meeting, .heldBy, context.bodyKey, in: title)
        findings.relate(meeting, .partOf, context.session, in: header.sessionParagraph ?? title)
        findings.relate(context.session, .heldBy, context.bodyKey, in: header.sessionParagraph ?? title)
        findings.relate(context.chair, .chaired, meeting, in: header.chairParagraph ?? title)
    }
}
