/// What kind of UN document a text is, as recognised when it is read (from its title page,
/// its symbol and its drafting formulas).
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    /// A summary record of a meeting of a treaty body ("The meeting was called to order at …").
    case summaryRecord = "summary_record"
    /// A report, e.g. of the Secretary-General to the General Assembly, or a State party's periodic report.
    case report
    /// A treaty body's concluding observations on a State party's report (symbol `…/CO/…`).
    case concludingObservations = "concluding_observations"
    /// A treaty body's list of issues before or in relation to a report (symbol `…/Q/…`, `…/QPR/…`).
    case listOfIssues = "list_of_issues"
    /// A general comment or general recommendation of a treaty body (symbol `…/GC/…`).
    case generalComment = "general_comment"
    /// A resolution of an intergovernmental body ("Adopts", "Decides", … under a preamble).
    case resolution
    /// A decision of an intergovernmental or treaty body.
    case decision
    /// A note by the Secretariat or the Secretary-General.
    case secretariatNote = "note_by_the_secretariat"
    /// Anything else.
    case other

    /// The kind as people say it ("concluding observations").
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
