import Foundation

/// Writes a ``GraphSnapshot`` for `graph` and `export`: as text in a ``GraphFormat``, or as
/// a picture drawn by Graphviz, to a file (`-o FILE`) or to the console.
struct GraphWriter {
    /// What to write: a text format, or a picture drawn from DOT.
    enum Output: Equatable {
        case text(GraphFormatName)
        case picture(GraphvizDrawer.Picture)
    }

    /// Why the output could not be written.
    enum Failure: LocalizedError, Equatable {
        case pictureNeedsFile(String)
        case cannotWrite(path: String, reason: String)

        var errorDescription: String? {
            switch self {
            case let .pictureNeedsFile(format):
                return "a \(format) picture cannot be printed; give -o FILE.\(format) to save it"
            case let .cannotWrite(path, reason):
                return "cannot write \(path): \(reason)"
            }
        }
    }

    let console: Console
    var drawer = GraphvizDrawer()

    /// Writes `snapshot` as `output` to `path` (or the console) and, for a file, says what was written.
    func write(_ snapshot: GraphSnapshot, as output: Output, to path: String?) throws {
        let data: Data
        switch output {
        case let .text(format):
            data = Data(try format.format.text(snapshot).utf8)
        case let .picture(picture):
            if picture == .png && path == nil { throw Failure.pictureNeedsFile("png") }
            data = try drawer.draw(DOTGraphFormat().text(snapshot), as: picture)
        }
        guard let path else {
            console.write(String(decoding: data, as: UTF8.self))
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw Failure.cannotWrite(path: path, reason: reason)
        }
        let entities = snapshot.nodes.count == 1 ? "1 entity" : "\(snapshot.nodes.count) entities"
        let relations = snapshot.edges.count == 1 ? "1 relation" : "\(snapshot.edges.count) relations"
        console.line("wrote \(entities) and \(relations) to \(path)")
    }
}
