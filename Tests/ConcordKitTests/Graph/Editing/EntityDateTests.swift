import Testing
@testable import ConcordKit

@Suite struct EntityDateTests {
    @Test(arguments: ["2019", "2019-04", "2019-04-02", "2020-02-29", "2019-04-02T00:00", "2019-04-02T23:59",
                      "2019-04-02T10:00/2019-04-02T13:00", "2018/2020", "2019-04/2019-05-03", "2019-05/2019"])
    func acceptsISO8601DatesAndIntervals(_ value: String) throws {
        #expect(try EntityDate.validated(" \(value) ") == value)
    }

    @Test(arguments: ["", "19", "2019-4", "2019-13", "2019-02-29", "2019-04-31", "2019-04T10:00", "2019-04-02T24:00",
                      "2019-04-02T10:60", "2019-04-02T10", "April 2019", "2019/", "/2019", "2019/2020/2021", "2020/2019",
                      "2019-04-02T13:00/2019-04-02T10:00", "２０１９"])
    func refusesEverythingElse(_ value: String) {
        #expect(throws: EditingError.self) { try EntityDate.validated(value) }
    }
}
