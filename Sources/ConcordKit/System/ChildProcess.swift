import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs another program to completion with `posix_spawn` and `waitpid`, feeding
/// it standard input and collecting its standard output and error.
///
/// Foundation's `Process.waitUntilExit()` on Linux relies on SIGCHLD reaching its
/// own monitoring thread; under Swift Testing's dispatch-driven main thread that was
/// seen to miss the signal and wait forever on an already-dead child (a zombie
/// `tmux` client). Waiting on the child's own pid has no such dependency.
public enum ChildProcess {
    /// How a finished program ended and what it printed.
    public struct Result: Sendable {
        public var status: Int32
        public var output: Data
        public var errors: Data
        /// The child's peak resident set size in bytes, sampled while it ran (see ``PeakMemorySampler``);
        /// 0 unless `measuresPeakMemory` was asked for, or if it could not be read.
        public var peakResidentBytes: Int = 0
    }

    /// Why a program could not be started.
    public enum LaunchError: LocalizedError {
        case cannotStart(program: String, code: Int32)

        public var errorDescription: String? {
            switch self {
            case let .cannotStart(program, code):
                return "cannot start \(program) (\(String(cString: strerror(code)))); is it installed?"
            }
        }
    }

    /// Runs `arguments[0]` (looked up on `PATH`) with the rest as its arguments.
    ///
    /// - Parameters:
    ///   - input: bytes for its standard input (closed afterwards); `nil` connects /dev/null.
    ///   - environment: the complete environment; `nil` inherits this process's.
    ///   - directory: the working directory; `nil` keeps this process's.
    ///   - capture: `false` sends output to /dev/null (for daemons that keep pipes open).
    ///   - measuresPeakMemory: sample the child's peak memory on a thread while it runs (for the
    ///     benchmark; off by default, so other runs and the timings of short ones pay nothing for it).
    public static func run(
        _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil,
        directory: String? = nil, capture: Bool = true, measuresPeakMemory: Bool = false
    ) throws -> Result {
        precondition(!arguments.isEmpty, "a program to run")
        // posix_spawn_file_actions_addchdir_np is not visible from Swift here; coreutils' env can change directory.
        let arguments = directory.map { ["env", "-C", $0] + arguments } ?? arguments
        var inputPipe: [Int32] = [-1, -1], outputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        if input != nil { _ = pipe(&inputPipe) }
        if capture { _ = pipe(&outputPipe); _ = pipe(&errorPipe) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        for descriptor in inputPipe + outputPipe + errorPipe where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var attributes = defaultSignalAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let code = withCStrings(arguments) { argv in
            withCStrings(environmentLines) { envp in
                posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
            }
        }
        for descriptor in [inputPipe[0], outputPipe[1], errorPipe[1]] where descriptor >= 0 { close(descriptor) }
        guard code == 0 else {
            for descriptor in [inputPipe[1], outputPipe[0], errorPipe[0]] where descriptor >= 0 { close(descriptor) }
            throw LaunchError.cannotStart(program: arguments[0], code: code)
        }
        let sampler = measuresPeakMemory ? PeakMemorySampler(pid: pid) : nil
        let (output, errors) = exchange(input: input, writeTo: inputPipe[1], readFrom: outputPipe[0], and: errorPipe[0])
        var status: Int32 = 0
        var peakBytes = 0
        if let sampler {
            // Wait for the exit without reaping (WNOWAIT), so the pid cannot be reused while the sampler stops.
            var exitInfo = siginfo_t()
            while waitid(P_PID, id_t(pid), &exitInfo, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
            peakBytes = sampler.stop()
        }
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, output: output, errors: errors, peakResidentBytes: peakBytes)
    }

    /// Writes `input` and reads both outputs at once with `poll`, so no pipe fills up and blocks.
    private static func exchange(input: Data?, writeTo inputFD: Int32, readFrom outputFD: Int32, and errorFD: Int32) -> (Data, Data) {
        var output = Data(), errors = Data()
        var pending = input ?? Data()
        var open: [Int32: Bool] = [:]
        if inputFD >= 0 { open[inputFD] = true; _ = fcntl(inputFD, F_SETFL, O_NONBLOCK) }
        if outputFD >= 0 { open[outputFD] = true }
        if errorFD >= 0 { open[errorFD] = true }
        if inputFD >= 0 && pending.isEmpty { close(inputFD); open[inputFD] = nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            var descriptors = open.keys.map { fd in
                pollfd(fd: fd, events: Int16(fd == inputFD ? POLLOUT : POLLIN), revents: 0)
            }
            if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for descriptor in descriptors where descriptor.revents != 0 {
                let fd = descriptor.fd
                if fd == inputFD {
                    let written = pending.withUnsafeBytes { write(fd, $0.baseAddress, min($0.count, 65_536)) }
                    if written > 0 { pending.removeFirst(written) }
                    if written < 0 && errno != EAGAIN && errno != EINTR { pending.removeAll() }
                    if pending.isEmpty { close(fd); open[fd] = nil }
                    continue
                }
                let count = read(fd, &buffer, buffer.count)
                if count > 0 {
                    if fd == outputFD { output.append(buffer, count: count) } else { errors.append(buffer, count: count) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fd)
                    open[fd] = nil
                }
            }
        }
        return (output, errors)
    }

    /// Calls `body` with a NULL-terminated C array of `strings`.
    static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
