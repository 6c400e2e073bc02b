import CConcordZlib
import Foundation

/// Decompresses a zlib (RFC 1950) stream pulled from a source on demand, handing out exact
/// byte counts, and refuses anything that inflates past a declared size or does not end
/// where it should.
///
/// Whatever the input, reading returns or throws a ``Failure``: every call to `inflate` either
/// consumes input or produces output, or the stream is declared truncated or corrupt.
/// https://zlib.net/manual.html#Basic
final class Inflater {
    /// Why the stream could not be read.
    enum Failure: Error, Equatable {
        /// The compressed bytes ended before the stream did.
        case truncated
        /// zlib found the data invalid (its message).
        case corrupt(String)
        /// The stream inflates to more than the declared size.
        case tooLong
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let source: (Int) throws -> [UInt8]
    private var compressedLeft: UInt64
    private var inflatedLeft: UInt64
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var output = [UInt8](repeating: 0, count: 1 << 18)
    private var outputStart = 0
    private var outputEnd = 0
    /// `true` once zlib reported the end of the stream.
    private(set) var reachedStreamEnd = false
    private static let chunkSize = 1 << 18

    /// Inflates `compressedLength` bytes pulled from `source` (which returns up to the count asked, fewer only
    /// at the end of the file) into at most `inflatedLength` bytes.
    init(compressedLength: UInt64, inflatedLength: UInt64, source: @escaping (Int) throws -> [UInt8]) throws {
        self.source = source
        compressedLeft = compressedLength
        inflatedLeft = inflatedLength
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = concord_inflate_init(stream)
        guard status == Z_OK else {
            stream.deallocate()
            throw Failure.corrupt("inflateInit failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Exactly `count` inflated bytes, or fewer only if the stream ended first.
    func read(_ count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, 1 << 22))
        while result.count < count {
            if outputStart == outputEnd {
                if try !refill() { break }
            }
            let take = min(count - result.count, outputEnd - outputStart)
            result.append(contentsOf: output[outputStart..<outputStart + take])
            outputStart += take
        }
        return result
    }

    /// The next inflated byte, or `nil` at the end of the stream.
    func readByte() throws -> UInt8? {
        if outputStart == outputEnd, try !refill() { return nil }
        defer { outputStart += 1 }
        return output[outputStart]
    }

    /// Inflated bytes the declared size still allows to be handed out.
    var remaining: UInt64 { inflatedLeft + UInt64(outputEnd - outputStart) }

    /// `true` when the stream ended, every compressed byte was used, nothing inflated is left unread,
    /// and the declared inflated size was reached exactly.
    func isCompletelyRead() throws -> Bool {
        if outputStart < outputEnd { return false }
        if !reachedStreamEnd, try refill() { return false }
        return reachedStreamEnd && compressedLeft == 0 && inputOffset == input.count && inflatedLeft == 0
    }

    /// Inflates more into the output buffer; `false` at the end of the stream.
    private func refill() throws -> Bool {
        outputStart = 0
        outputEnd = 0
        while outputEnd == 0 {
            if reachedStreamEnd { return false }
            if inputOffset == input.count, compressedLeft > 0 {
                input = try source(Int(min(UInt64(Self.chunkSize), compressedLeft)))
                inputOffset = 0
                compressedLeft -= UInt64(input.count)
                if input.isEmpty { throw Failure.truncated }
            }
            let available = input.count - inputOffset
            let (status, consumed, produced) = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target -> (Int32, Int, Int) in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress.map { $0 + inputOffset })
                    stream.pointee.avail_in = uInt(available)
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = uInt(target.count)
                    let status = inflate(stream, Z_NO_FLUSH)
                    return (status, available - Int(stream.pointee.avail_in), target.count - Int(stream.pointee.avail_out))
                }
            }
            inputOffset += consumed
            switch status {
            case Z_OK: break
            case Z_STREAM_END: reachedStreamEnd = true
            case Z_BUF_ERROR:
                // No progress was possible: zlib needs input that the file does not have.
                if available == 0 || consumed == 0 && produced == 0 { throw Failure.truncated }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw Failure.corrupt(message)
            }
            guard UInt64(produced) <= inflatedLeft else { throw Failure.tooLong }
            inflatedLeft -= UInt64(produced)
            outputEnd = produced
            if produced == 0, consumed == 0, status == Z_OK, available == 0, compressedLeft == 0 { throw Failure.truncated }
        }
        return true
    }
}
