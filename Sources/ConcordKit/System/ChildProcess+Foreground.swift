import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension ChildProcess {
    /// Runs an interactive program (a pager) on this process's terminal, feeding it `input`
    /// on standard input, and waits for it to end; returns its exit status (128+N for signal N).
    ///
    /// The child stays in this process's process group (no `POSIX_SPAWN_SETPGROUP`), which is
    /// the terminal's foreground group, so it may read keys and set the terminal's mode. A
    /// child in a group of its own (as Foundation's `Process` makes) is stopped by SIGTTOU
    /// behind a job-control shell, or reads EOF from an orphaned group without one.
    /// Signals this process ignores or handles (SIGINT, SIGPIPE, …) are reset to their default
    /// in the child, and none is blocked there. Standard output and error are inherited.
    public static func runInForeground(_ arguments: [String], input: Data, environment: [String: String]) throws -> Int32 {
        precondition(!arguments.isEmpty, "a program to run")
        var inputPipe: [Int32] = [-1, -1]
        guard pipe(&inputPipe) == 0 else { throw LaunchError.cannotStart(program: arguments[0], code: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_addclose(&actions, inputPipe[0])
        posix_spawn_file_actions_addclose(&actions, inputPipe[1])

        var attributes = defaultSignalAttributes()
        defer { posix_spawnattr_destroy(&attributes) }

        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let code = withCStrings(arguments) { argv in
            withCStrings(environmentLines) { envp in posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) }
        }
        close(inputPipe[0])
        guard code == 0 else {
            close(inputPipe[1])
            throw LaunchError.cannotStart(program: arguments[0], code: code)
        }
        writeAll(input, to: inputPipe[1])
        close(inputPipe[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Spawn attributes that start a child with no signal blocked and the signals this process
    /// ignores or handles (SIGINT, SIGPIPE, SIGHUP, …) back at their default action, whatever the
    /// spawning thread had (test runners' threads block nearly every signal, and a child would
    /// inherit that and outlive a `kill`). Destroy with `posix_spawnattr_destroy`.
    static func defaultSignalAttributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        return attributes
    }

    /// Writes `data` to `descriptor` until done or the reader has gone (EPIPE: the user quit early).
    private static func writeAll(_ data: Data, to descriptor: Int32) {
        data.withUnsafeBytes { bytes in
            guard var next = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                let written = write(descriptor, next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                remaining -= written
                next += written
            }
        }
    }
}
