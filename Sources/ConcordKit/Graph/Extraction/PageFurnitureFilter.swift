import Foundation

/// Recognises paragraphs that are page furniture rather than text (a running
/// header with the document symbol, a job number, a page number), so they yield
/// no mentions even if the reader let one through.
enum PageFurnitureFilter {
    private static let furniture = Pattern(
        #"^\s*(?:[A-Z]{1,6}(?:/[A-Za-z0-9.]+){2,}|GE\.\d{2}-\d{4,6}.*|\d{1,4}|Page \d+|\d{2}-\d{5}.*|\d{1,4}/\d{1,4}|[A-Z]{1,6}(?:/[A-Za-z0-9.]+){2,}\s+\d{1,4}|\d{1,4}\s+[A-Z]{1,6}(?:/[A-Za-z0-9.]+){2,})\s*$"#)

    static func isFurniture(_ paragraph: ParagraphText) -> Bool {
        paragraph.length < 60 && !furniture.matches(in: paragraph).isEmpty
    }
}
