import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Peak resident memory (`getrusage` ru_maxrss) of this process. (A child's is measured by
/// `ChildProcess.run(…, measuresPeakMemory: true)`: `RUSAGE_CHILDREN` would include this
/// process's own high-water mark for children started with `posix_spawn`.)
enum PeakMemory {
    /// This process's peak resident set so far, in bytes.
    static var ofSelf: Int { peak(RUSAGE_SELF) }

    private static func peak(_ who: __rusage_who) -> Int {
        var usage = rusage()
        guard getrusage(__rusage_who_t(who.rawValue), &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024  // Linux reports kilobytes
    }

    /// "123.4 MB".
    static func describe(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}
