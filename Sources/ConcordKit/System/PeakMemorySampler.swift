import Foundation

/// Follows a running child's peak resident set size by reading `VmHWM` from
/// `/proc/PID/status` every few milliseconds until stopped.
///
/// `ru_maxrss` from `wait4` cannot be used for a child started with `posix_spawn`: glibc
/// starts it with `vfork`, and when the child calls `exec`, Linux records the high-water mark
/// of the memory it shared with its parent until then, so a small child of a large parent
/// reports the parent's peak (the sync benchmark's 1M-change import showed 330 MB for a
/// process that peaks near 45 MB). `VmHWM` belongs to the child's own address space after
/// `exec`. Growth in the last few milliseconds before exit can be missed.
final class PeakMemorySampler: @unchecked Sendable {
    private let statusPath: String
    private let lock = NSLock()
    private var stopped = false
    private var peakBytes = 0

    /// Starts sampling process `pid` on a thread of its own.
    init(pid: pid_t) {
        statusPath = "/proc/\(pid)/status"
        // One sample now, while the child surely runs: a busy machine may start the thread late.
        sample()
        let thread = Thread { [self] in
            while !isStopped {
                sample()
                usleep(5_000)
            }
        }
        thread.start()
    }

    /// Stops sampling and returns the highest `VmHWM` seen, in bytes (0 if none could be read).
    func stop() -> Int {
        lock.lock()
        defer { lock.unlock() }
        stopped = true
        return peakBytes
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func sample() {
        guard let status = try? String(contentsOfFile: statusPath, encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return }
        lock.lock()
        defer { lock.unlock() }
        peakBytes = max(peakBytes, kilobytes * 1024)
    }
}
