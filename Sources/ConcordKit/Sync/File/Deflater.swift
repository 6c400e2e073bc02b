import CConcordZlib
import Foundation

/// Compresses a byte stream with zlib's deflate (RFC 1950 format), handing out compressed
/// bytes as they are produced, so nothing has to be held whole.
///
/// https://zlib.net/manual.html#Basic
final class Deflater {
    /// Why zlib refused; carries zlib's own message.
    struct Failure: Error { var reason: String }

    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: 1 << 18)
    private var ended = false
    /// Bytes given to ``compress(_:finish:into:)`` so far.
    private(set) var inflatedCount: UInt64 = 0
    /// Compressed bytes handed out so far.
    private(set) var compressedCount: UInt64 = 0

    /// A compressor at zlib `level` (1 fastest … 9 smallest).
    init(level: Int32) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = concord_deflate_init(stream, level)
        guard status == Z_OK else {
            stream.deallocate()
            throw Failure(reason: "deflateInit failed (\(status))")
        }
    }

    deinit {
        if !ended { deflateEnd(stream) }
        stream.deallocate()
    }

    /// Compresses `input`; with `finish`, ends the stream. `sink` receives the compressed bytes produced.
    func compress(_ input: [UInt8], finish: Bool = false, into sink: (ArraySlice<UInt8>) throws -> Void) throws {
        guard !ended else { throw Failure(reason: "the stream is already finished") }
        inflatedCount += UInt64(input.count)
        try input.withUnsafeBufferPointer { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = uInt(source.count)
            while true {
                let (status, produced) = output.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = uInt(target.count)
                    let status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                    return (status, target.count - Int(stream.pointee.avail_out))
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw Failure(reason: "deflate failed (\(status))")
                }
                if produced > 0 {
                    compressedCount += UInt64(produced)
                    try sink(output[0..<produced])
                }
                if finish ? status == Z_STREAM_END : (stream.pointee.avail_in == 0 && produced < output.count) { break }
            }
            stream.pointee.next_in = nil
        }
        if finish {
            deflateEnd(stream)
            ended = true
        }
    }
}
