import Foundation

/// The seed documents shipped inside the binary, so an installed `concord` can
/// build a knowledge base from any directory.
///
/// They are the files of the repository's top-level `seeds/` folder, embedded at
/// build time (`Sources/ConcordKit/Seeds` is a link to it; SwiftPM's `embedInCode`).
public enum SeedCorpus {
    /// A seed file: its name and its text.
    public struct File: Sendable {
        public var name: String
        public var text: String
        /// Set when the file was not UTF-8 and was converted (see ``TextFileDecoding``).
        public var warning: String?
    }

    /// The embedded seed files, sorted by name.
    public static var files: [File] {
        embedded.map { name, bytes in File(name: name, text: String(decoding: bytes, as: UTF8.self), warning: nil) }
            .sorted { $0.name < $1.name }
    }

    /// The `.txt` files of `directory`, sorted by name, decoded like `ingest` decodes them: never as mojibake.
    public static func files(in directory: String) throws -> [File] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw StoreError.seedsNotFound(path: directory)
        }
        let texts = names.filter { $0.hasSuffix(".txt") }.sorted()
        guard !texts.isEmpty else { throw StoreError.seedsNotFound(path: directory) }
        return try texts.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
            var warnings: [String] = []
            let text = try DocumentFile.plainText(data, path: name, warnings: &warnings)
            return File(name: name, text: text, warning: warnings.first)
        }
    }

    private static var embedded: [(String, [UInt8])] {
        [
            ("000_507c59690399a654.txt", PackageResources._00_507c59690399a654_txt),
            ("001_00b77f0ff9f3c736.txt", PackageResources._01_00b77f0ff9f3c736_txt),
            ("002_3c71399ce206b54e.txt", PackageResources._02_3c71399ce206b54e_txt),
            ("003_fcf1d5519dbb8e77.txt", PackageResources._03_fcf1d5519dbb8e77_txt),
            ("004_f63e6e485a8b75d0.txt", PackageResources._04_f63e6e485a8b75d0_txt),
        ]
    }
}
