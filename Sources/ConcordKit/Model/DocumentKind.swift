/// What kind of UN document a text is, as recognised when it is read.
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    /// A summary record of a meeting of a treaty body ("The meeting was called to order at …").
    case summaryRecord = "summary_record"
    /// A report, e.g. of the Secretary-General to the General Assembly.
    case report
    /// Anything else.
    case other
}
