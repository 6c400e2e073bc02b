import Foundation
import Testing
@testable import ConcordKit

/// Kind, symbol, title, dates and meeting times, from the seeds and from texts
/// written the way other UN documents are.
@Suite struct DocumentFactsTests {
    @Test(arguments: [
        ("000", DocumentKind.summaryRecord, "14:00", "14:10"),
        ("001", .summaryRecord, "15:10", "17:20"),
        ("002", .summaryRecord, "15:10", "16:55"),
    ])
    func summaryRecordsAndTheirMeetingTimes(label: String, kind: DocumentKind, start: String, end: String) throws {
        let document = try SeedDocuments.parsed(label)
        #expect(document.kind == kind)
        #expect(document.meetingStartedAt == start)
        #expect(document.meetingEndedAt == end)
    }

    @Test func reportsOfTheSecretaryGeneral() throws {
        let exported = try SeedDocuments.parsed("003")
        #expect(exported.kind == .report)
        #expect(exported.title == "Human rights of migrants")
        #expect(exported.meetingStartedAt == nil)
        let ocr = try SeedDocuments.parsed("004")
        #expect(ocr.kind == .report)
        #expect(ocr.symbol == "A/66/253")
    }

    @Test func datesTheTextGivesInISOForm() throws {
        let ocr = try SeedDocuments.parsed("004")
        // In a paragraph, in a bracketed editorial note, and as a range.
        #expect(ocr.dates.contains("2011-07-26"))
        #expect(ocr.dates.contains("2010-07-15"))
        #expect(ocr.dates.contains("2010-11-08") && ocr.dates.contains("2010-11-11"))
        #expect(ocr.dates.contains("2010-11-22") && ocr.dates.contains("2010-12-03"))
        #expect(Set(ocr.dates).count == ocr.dates.count)
        let record = try SeedDocuments.parsed("000")
        #expect(record.dates == ["2021-04-29", "2021-04-30", "2021-04-22"])
    }

    @Test func anUnseenSummaryRecordWithItsTitlePage() {
        let text = """
            United Nations\tCCPR/C/SR.3500
            Summary record of the 3500th meeting
            Held at the Palais Wilson, Geneva, on Tuesday, 10 September 2019, at 10 a.m.
            The meeting was called to order at 10.05 a.m.

            1. The Chair said that the Committee would resume its consideration of the report.

            The meeting rose at noon.
            """
        let document = DocumentReader().read(text: text, sourceName: "sr3500.txt")
        #expect(document.kind == .summaryRecord)
        #expect(document.symbol == "CCPR/C/SR.3500")
        #expect(document.title == "Summary record of the 3500th meeting")
        #expect(document.dated == "2019-09-10")
        #expect(document.meetingStartedAt == "10:05")
        #expect(document.meetingEndedAt == "12:00")
        #expect(document.numbers == [1])
    }

    @Test func anUnseenReportWithDateOfIssueAndByline() {
        let text = """
            A/75/300
            Distr.: General
            2 August 2020

            Protection of migrants
            Report of the Secretary-General

            1. The present report is submitted pursuant to resolution 74/148.
            """
        let document = DocumentReader().read(text: text, sourceName: "a75300.txt")
        #expect(document.kind == .report)
        #expect(document.symbol == "A/75/300")
        #expect(document.dated == "2020-08-02")
        #expect(document.title == "Protection of migrants")
    }

    @Test func anOCRSummaryRecordWithImpossibleTimesIsStillASummaryRecord() {
        // Wrapped OCR text: the title-page lines join into one paragraph, and the times are misread.
        let text = """
            United Nations\tCED/C/SR.1637
            Committee on Enforced Disappearances
            Tenth session
            Summary record of the 1637th meeting
            Held at the Palais Wilson, Geneva, on Wednesday, 20 May 2003, at 10 a.m.

            The meeting was called to order at 14.54 a.m.

            1.\tMs. Demir said that articles 61, 95 and 102 of the Constitution provide the right to
            participation in public affairs for migrant workers.

            The meeting rose at 16.45 p.m.
            """
        let document = DocumentReader().read(text: text, sourceName: "ced-sr1637.txt")
        #expect(document.kind == .summaryRecord)
        #expect(document.meetingStartedAt == nil && document.meetingEndedAt == nil)
        #expect(document.title == "Summary record of the 1637th meeting")
    }

    @Test func clockTimes() {
        #expect(DateExpressions.time(in: "3.10 p.m.") == "15:10")
        #expect(DateExpressions.time(in: "2 p.m.") == "14:00")
        #expect(DateExpressions.time(in: "12.30 p.m.") == "12:30")
        #expect(DateExpressions.time(in: "12.15 a.m.") == "00:15")
        #expect(DateExpressions.time(in: "noon.") == "12:00")
        #expect(DateExpressions.time(in: "the end") == nil)
    }

    @Test func impossibleDatesAreNotDates() {
        #expect(DateExpressions.dates(in: "on 31 February 2020 and 30 April 2021") == ["2021-04-30"])
    }
}
