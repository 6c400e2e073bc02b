import ConcordKit
import Foundation

// libFuzzer entry point for the changeset file decoder (see Tests/FuzzCorpus/README.md).
//
// An input starting with the format's first byte (0x89) is written to one scratch file on tmpfs
// and decoded by ChangesetFileProbe: the file reader's validating pass and SQLite's changeset
// parser over every record. Any other input is a changeset that ChangesetApplyProbe signs with a
// trusted test key and imports (validation and the merge engine).
// Any thrown error is a correct answer; a crash, a sanitizer report, a timeout or an
// allocation over libFuzzer's limits is a finding.

/// The scratch file every input is written to (tmpfs when there is one), one per process.
private let scratchPath: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return folder + "/concord-fuzz-changeset-\(getpid()).concord"
}()

/// The apply mode's receiver: a knowledge base trusting the test key the inputs are signed with.
private let applyProbe: ChangesetApplyProbe? = try? ChangesetApplyProbe(scratchPath: scratchPath + ".signed")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChangesetInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    // A file (starting with the format's first byte) goes to the decoder. Anything else is a signed change:
    // its first byte says how far ahead its clock is (minutes, 0-255), the rest is its SQLite changeset,
    // signed with a key the receiver trusts, so it reaches validation and the merge engine.
    if bytes.first == 0x89 || bytes.isEmpty {
        _ = try? ChangesetFileProbe.probe(bytes: bytes, scratchPath: scratchPath)
    } else if let applyProbe {
        _ = try? applyProbe.probe(changeset: bytes.dropFirst(), aheadMinutes: Int(bytes[bytes.startIndex]))
    }
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
