import Foundation

/// A hand-made annotation of documents: for each file, the entities a reader finds in it
/// and the relations its text states. The yardstick extraction is scored against.
///
/// Two layouts are read (Tests/Fixtures/README.md describes both):
/// - a gold folder with `dev.json` (file → entities) and `dev-relations.json` (file → relations);
/// - an `annotations.json` whose files each hold `entities` and `relations` (the development set).
public struct ExtractionAnnotation: Sendable {
    /// An entity of the annotation: its kind, canonical name, every form printed in the file, and
    /// whether a competent extractor must find it.
    public struct Entity: Decodable, Sendable {
        public var kind: String
        public var name: String
        public var aliases: [String]
        public var core: Bool
    }

    /// A relation the text states, by the canonical names of its ends. An end's kind may be a
    /// role or a place, which Concord does not make entities of.
    public struct Relation: Decodable, Sendable {
        public var subject: String
        public var predicate: String
        public var object: String
        public var subjectKind: String
        public var objectKind: String

        enum CodingKeys: String, CodingKey {
            case subject, predicate, object
            case subjectKind = "subject_kind"
            case objectKind = "object_kind"
        }
    }

    /// One annotated file.
    public struct File: Sendable {
        public var name: String
        public var entities: [Entity]
        public var relations: [Relation]
    }

    /// Why an annotation could not be read.
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read the annotation \(path): \(reason)"
            }
        }
    }

    /// The annotated files, sorted by name.
    public var files: [File]

    /// The folder holding the annotated texts.
    public var textDirectory: String

    /// Reads `folder`: `annotations.json` if it has one, else `dev.json` and `dev-relations.json`
    /// (whose texts live in `textDirectory`, by default the folder itself).
    public init(folder: String, textDirectory: String? = nil) throws {
        let combined = folder + "/annotations.json"
        if FileManager.default.fileExists(atPath: combined) {
            let decoded = try Self.decode(CombinedLayout.self, path: combined)
            files = decoded.files.map { File(name: $0.key, entities: $0.value.entities, relations: $0.value.relations ?? []) }
        } else {
            let entities = try Self.decode(SplitLayout<Entity>.self, path: folder + "/dev.json")
            let relations = try Self.decode(SplitLayout<Relation>.self, path: folder + "/dev-relations.json")
            files = entities.files.map { File(name: $0.key, entities: $0.value, relations: relations.files[$0.key] ?? []) }
        }
        files.sort { $0.name < $1.name }
        self.textDirectory = textDirectory ?? folder
    }

    /// The text of an annotated file.
    public func text(of file: File) throws -> String {
        let path = textDirectory + "/" + file.name
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LoadError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    private struct SplitLayout<Item: Decodable>: Decodable {
        var files: [String: [Item]]
    }

    private struct CombinedLayout: Decodable {
        struct Annotated: Decodable {
            var entities: [Entity]
            var relations: [Relation]?
        }
        var files: [String: Annotated]
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, path: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw LoadError.unreadable(path: path, reason: String(describing: error))
        }
    }
}
