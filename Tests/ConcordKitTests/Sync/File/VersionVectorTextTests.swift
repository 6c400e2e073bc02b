import Testing
@testable import ConcordKit

@Suite struct VersionVectorTextTests {
    static let alpha = String(repeating: "a1", count: 16)
    static let beta = String(repeating: "b2", count: 16)

    @Test func formatsSortedAndParsesBack() throws {
        let text = VersionVectorText.format([Self.beta: 3, Self.alpha: 12, "c": 0])
        #expect(text == "\(Self.alpha):12,\(Self.beta):3")
        #expect(try VersionVectorText.parse(text) == [Self.alpha: 12, Self.beta: 3])
        #expect(VersionVectorText.format([:]) == "none")
        #expect(try VersionVectorText.parse("none") == [:])
    }

    @Test func acceptsUniquePrefixesOfKnownReplicas() throws {
        #expect(try VersionVectorText.parse("a1a1a1a1:4", knownReplicas: [Self.alpha, Self.beta]) == [Self.alpha: 4])
        #expect(throws: SyncTransportError.self) { try VersionVectorText.parse("a1a1:4", knownReplicas: [Self.alpha]) }
        #expect(throws: SyncTransportError.self) { try VersionVectorText.parse("ffffffff:4", knownReplicas: [Self.alpha]) }
        #expect(throws: SyncTransportError.self) { try VersionVectorText.parse("\(Self.alpha)=4") }
        #expect(throws: SyncTransportError.self) { try VersionVectorText.parse("\(Self.alpha):-1") }
    }
}
