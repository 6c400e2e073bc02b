import Foundation
import Testing

@testable import ConcordKit

/// `ChildProcess` reports what a program printed, how it ended, and its own peak memory.
@Suite struct ChildProcessTests {
    @Test func reportsStatusAndOutput() throws {
        let result = try ChildProcess.run(["sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(result.status == 3)
        #expect(String(decoding: result.output, as: UTF8.self) == "out\n")
        #expect(String(decoding: result.errors, as: UTF8.self) == "err\n")
    }

    /// A small child of a large parent reports its own peak, not the parent's: Linux's
    /// `ru_maxrss` for a child started through `vfork` carries the parent's high-water mark.
    @Test func peakMemoryIsTheChildsOwn() throws {
        let parentBytes = 256 << 20
        var ballast = [UInt8](repeating: 0, count: parentBytes)
        for index in stride(from: 0, to: parentBytes, by: 4096) { ballast[index] = UInt8(truncatingIfNeeded: index >> 12) }
        let result = try ChildProcess.run(["sleep", "0.3"], measuresPeakMemory: true)
        #expect(result.status == 0)
        #expect(result.peakResidentBytes > 0)
        #expect(result.peakResidentBytes < 64 << 20, "a sleeping child reported \(result.peakResidentBytes) bytes")
        #expect(ballast.count == parentBytes)
    }
}
