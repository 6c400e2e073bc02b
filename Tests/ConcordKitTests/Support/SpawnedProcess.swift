import Foundation
import ConcordKit

#if canImport(Glibc)
import Glibc
#endif

/// A `concord` process started in the background, to be killed at a chosen moment
/// (crash-safety tests). Its input and output are /dev/null; it is reaped with `waitpid`
/// (see ``ChildProcess`` for why not Foundation's `Process`).
struct SpawnedProcess {
    let pid: pid_t

    /// Starts `concord arguments…`.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> SpawnedProcess {
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        let argv = [ConcordProcess.executable] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = argv.map { strdup($0) } + [nil]
        let environment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + environment).forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, argv[0], &actions, nil, arguments, environment)
        guard code == 0 else { throw ChildProcess.LaunchError.cannotStart(program: argv[0], code: code) }
        return SpawnedProcess(pid: pid)
    }

    /// Sends SIGKILL: no handler runs, no buffer is flushed, as in a power cut of the process.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Waits for the process to end; `true` if it exited by itself with status 0.
    @discardableResult
    func wait() -> Bool {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 && (status >> 8) & 0xff == 0
    }
}
