import ConcordKit
import Foundation

// libFuzzer entry point for the changeset file decoder (see Tests/FuzzCorpus/README.md).
//
// Each input is written to one scratch file on tmpfs and decoded by ChangesetFileProbe:
// the file reader's validating pass and SQLite's changeset parser over every record.
// Any thrown error is a correct answer; a crash, a sanitizer report, a timeout or an
// allocation over libFuzzer's limits is a finding.

/// The scratch file every input is written to (tmpfs when there is one), one per process.
private let scratchPath: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return folder + "/concord-fuzz-changeset-\(getpid()).concord"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChangesetInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    _ = try? ChangesetFileProbe.probe(bytes: bytes, scratchPath: scratchPath)
    return 0
}

/// The program: libFuzzer's driver with the command line, fuzzing `LLVMFuzzerTestOneInput`.
@main
enum FuzzChangeset {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzChangesetInput))
    }
}

/// libFuzzer's driver (`LLVMFuzzerRunDriver`, https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library).
///
/// SwiftPM links an executable's entry point as `main`, which would hide libFuzzer's own
/// `main`; so the program's entry point hands the command line to libFuzzer's driver.
/// (Declared by symbol name: pointer and integer arguments pass the same way in Swift's
/// and C's calling conventions on x86-64 and arm64.)
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
