import Testing
@testable import ConcordKit

/// `links` prints a neighbour's chain as it is when it fits, and exactly as wrapping would otherwise.
@Suite struct GraphWalkChainLinesTests {
    @Test(arguments: [
        "via —spoke_at→ 999th meeting",
        "via ←chaired— Ms. Landázuri de Mora —represents→ Office of the United Nations High Commissioner for Human Rights",
        "via —held_in→ A  name with two spaces",
        "via —held_in→ A name\twith a tab",
        "via —held_in→ A name ending in a space ",
        "via —adopted→ " + String(repeating: "Ü", count: 70),
    ])
    func chainLinesAreWhatWrappingPrints(chain: String) {
        for width in [40, 80, 100] {
            let renderer = LinksRenderer(console: Console(isTerminal: false, usesColor: false, width: width, sink: { _ in }), json: false)
            #expect(renderer.chainLines(chain) == TextWrapper(width: width, indent: "      ").lines(chain))
        }
    }
}
