import Foundation

/// An error worded for the person at the keyboard: what went wrong, and what to do about it.
///
/// The tool's error types are enums with a case per failure, so code and tests match on the case
/// and never on words; this protocol is the one place their words are joined. A conforming type
/// supplies `problem` (and `remedy` when something can be done); `description` and
/// `errorDescription` follow, so `"\(error)"`, `localizedDescription` and the shell all say the same.
public protocol UserFacingError: Error, CustomStringConvertible, LocalizedError {
    /// What went wrong, in the reader's words: "no Swift compiler found".
    var problem: String { get }
    /// What to do next, when the reader can do something: "put swiftc on PATH, or set SWIFTC to its path".
    var remedy: String? { get }
}

extension UserFacingError {
    public var remedy: String? { nil }
    public var description: String { remedy.map { "\(problem); \($0)" } ?? problem }
    public var errorDescription: String? { description }
}
