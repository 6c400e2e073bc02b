import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ConcordKit

@Suite struct GraphAndExportCommandTests {
    let session: ExploreSession

    init() throws { session = try ExploreSession.fixture() }

    /// Whether `text` parses as XML, and how many elements of each name it holds.
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            counts[name, default: 0] += 1
        }
    }

    func parseXML(_ text: String) -> [String: Int]? {
        let parser = XMLParser(data: Data(text.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        return parser.parse() ? counter.counts : nil
    }

    @Test func graphMLIsWellFormedAndHoldsEveryLiveEntityAndRelation() throws {
        let counts = try #require(parseXML(session.run("export --format graphml").output))
        #expect(counts["node"] == 9)
        #expect(counts["edge"] == 7)
        #expect(GraphMLGraphFormat.escaped("A & B <\"x\">\u{0C}") == "A &amp; B &lt;&quot;x&quot;&gt;")
    }

    @Test func dotNamesEveryNodeAndEdge() throws {
        let dot = session.run("graph OHCHR --depth 2 --format dot").output
        #expect(dot.hasPrefix("digraph concord {\n"))
        #expect(dot.contains("\"person:0000000000000002\" -> \"body:0000000000000002\" [label=\"represents\", tooltip=\"900:¶2\"];"))
        #expect(DOTGraphFormat.quoted("say \"hi\"\\\n") == "\"say \\\"hi\\\"\\\\\\n\"")
    }

    @Test(.enabled(if: GraphvizDrawer().executable != nil, "Graphviz's dot is not installed (apt-get install graphviz)"))
    func dotIsAcceptedByGraphviz() throws {
        let dot = session.run("graph OHCHR --depth 2 --format dot").output
        let svg = try GraphvizDrawer().draw(dot, as: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains("Mr. Lewis"))
    }

    @Test func csvHasOneRowPerEntityAndRelationWithProvenance() {
        let lines = session.run("export --format csv").output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == CSVGraphFormat.columns.joined(separator: ","))
        #expect(lines.filter { $0.hasPrefix("entity,") }.count == 9)
        #expect(lines.contains("relation,relation:cbea587d79eef820,,,,person:0000000000000002,represents,body:0000000000000002,900_fixture.txt,3,2"))
        #expect(CSVGraphFormat.field("a, \"b\"") == "\"a, \"\"b\"\"\"")
    }

    @Test func jsonExportFoldsMergesAndLeavesOutDeletedThings() throws {
        let lines = session.run("export").output.split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let ids = objects.compactMap { $0["id"] as? String }
        #expect(!ids.contains(ExploreFixture.ohchrDuplicate))
        #expect(!ids.contains(ExploreFixture.ghost))
        let ohchr = try #require(objects.first { $0["id"] as? String == ExploreFixture.ohchr })
        #expect(ohchr["aliases"] as? [String] == ["OHCHR", "UN Human Rights Office", "the Office"])
        let represents = try #require(objects.first { $0["predicate"] as? String == "represents" })
        #expect(represents["object"] as? String == ExploreFixture.ohchr)
        #expect((represents["source"] as? [String: Any])?["number"] as? Int == 2)
    }

    @Test func outputFileIsWrittenAndSummarised() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/graph.graphml"
        let printed = session.run("export --format graphml -o \(path)")
        #expect(printed.output == "wrote 9 entities and 7 relations to \(path)\n")
        #expect(parseXML(try String(contentsOfFile: path, encoding: .utf8)) != nil)
        let svgPath = try TestKnowledgeBase.temporaryDirectory() + "/ohchr.svg"
        let drawn = session.run("graph OHCHR -o \(svgPath)")
        #expect(drawn.succeeded)
        let written = try String(contentsOfFile: svgPath, encoding: .utf8)
        #expect(GraphvizDrawer().executable == nil ? written.hasPrefix("digraph") : written.contains("<svg"))
    }

    @Test func picturesWithoutGraphvizAreAClearError() throws {
        let drawer = GraphvizDrawer(environment: ["PATH": "/nonexistent"])
        #expect(drawer.executable == nil)
        #expect(throws: GraphvizDrawer.Failure.notInstalled(.svg)) { try drawer.draw("digraph {}", as: .svg) }
        let writer = GraphWriter(console: Console.buffer().console, drawer: GraphvizDrawer(environment: ["PATH": "/nonexistent"]))
        let snapshot = GraphSnapshot(nodes: [], edges: [], centreID: nil)
        #expect(throws: GraphvizDrawer.Failure.notInstalled(.png)) { try writer.write(snapshot, as: .picture(.png), to: "/tmp/x.png") }
        #expect(GraphvizDrawer.Failure.notInstalled(.svg).errorDescription?.contains("--format dot") == true)
    }
}
