import Foundation

/// The files an `ingest` command line names: files as given, and the files under each
/// folder (recursively, in name order, hidden files and folders left out).
public enum IngestSources {
    /// One file to ingest, and its size in bytes (0 when it cannot be read: it is refused later).
    public struct File: Sendable, Hashable {
        public var path: String
        public var byteCount: Int
    }

    /// The files `arguments` name, folders expanded, each once, in the order given.
    public static func files(_ arguments: [String]) -> [File] {
        var seen = Set<String>()
        var result: [File] = []
        for argument in arguments {
            for path in expand(argument) where seen.insert(path).inserted {
                result.append(File(path: path, byteCount: size(of: path)))
            }
        }
        return result
    }

    /// `argument` itself, or the files under it when it is a folder.
    static func expand(_ argument: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [argument]
        }
        let root = URL(fileURLWithPath: argument)
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(url.path)
        }
        return files.sorted()
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
