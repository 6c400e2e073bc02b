import Foundation

/// Mistakes in how a command was called, with what to do instead.
public enum CommandError: LocalizedError, Equatable {
    case storeOptionsInSession
    case unknownCommand(String, suggestion: String?)
    case unbalancedQuotes
    case lineTooLong(length: Int, limit: Int)
    case notText
    case invalidArgument(String)

    public var errorDescription: String? {
        switch self {
        case .storeOptionsInSession:
            return "--db, --author and --seeds can only be given when starting concord, not inside a session"
        case let .unknownCommand(name, suggestion):
            if let suggestion { return "unknown command '\(name)' — did you mean '\(suggestion)'? Type help for the list" }
            return "unknown command '\(name)'; type help for the list of commands"
        case .unbalancedQuotes:
            return "unbalanced quotes; close the quoted text with a matching \" or '"
        case let .lineTooLong(length, limit):
            return "the line is \(length) characters long; the limit is \(limit)"
        case .notText:
            return "the line holds control characters or bytes that are not text; type the command again"
        case let .invalidArgument(message):
            return message
        }
    }
}
