import Crypto
import Foundation

/// Reads a file in chunks, handing out exact byte counts and hashing everything it hands out.
final class ByteInput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var reachedEnd = false
    private(set) var hasher = SHA256()
    /// Bytes handed out so far.
    private(set) var consumed: Int64 = 0
    private static let chunkSize = 1 << 20

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Up to `count` bytes; fewer only at the end of the file. Hashed unless `hashing` is false.
    func read(_ count: Int, hashing: Bool = true) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, Self.chunkSize * 4))
        while result.count < count {
            if position == buffer.count {
                if reachedEnd { break }
                if try !refill() { break }
            }
            let take = min(count - result.count, buffer.count - position)
            result.append(contentsOf: buffer[position..<position + take])
            position += take
        }
        if hashing { hasher.update(data: result) }
        consumed += Int64(result.count)
        return result
    }

    /// `true` when no byte is left.
    func isAtEnd() throws -> Bool {
        if position < buffer.count { return false }
        if reachedEnd { return true }
        return try !refill()
    }

    private func refill() throws -> Bool {
        let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
        if chunk.isEmpty {
            reachedEnd = true
            return false
        }
        buffer = Array(chunk)
        position = 0
        return true
    }
}
