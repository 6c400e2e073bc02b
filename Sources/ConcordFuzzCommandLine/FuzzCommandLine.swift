import ConcordKit
import Foundation

// libFuzzer entry point for the REPL's command-line handling (see Tests/FuzzCorpus/README.md).
//
// Each input is one line, taken by CommandLineProbe through the dispatcher's checks,
// the tokenizer, argument-parser's parse and messages, and Tab completion, never
// running a command. Every outcome is a correct answer; a crash, a sanitizer report,
// a timeout or an allocation over libFuzzer's limits is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLineInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = CommandLineProbe.probe(bytes: bytes)
    return 0
}

/// The program: libFuzzer's driver with the command line, fuzzing `LLVMFuzzerTestOneInput`.
@main
enum FuzzCommandLine {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzCommandLineInput))
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
