import Foundation

/// A request to the window's JSON API, as the server hands it over: the path below `/api/`, the
/// query's items, and the position a reconnecting live feed last saw.
public struct APIRequest: Sendable {
    public var path: String
    public var query: [(name: String, value: String)]

    public init(path: String, query: [(name: String, value: String)] = []) {
        self.path = path
        self.query = query
    }
}

/// The API's answer: a status, a content type and a body.
public struct APIResponse: Sendable {
    public var status: Int
    public var body: Data
    public var contentType = "application/json; charset=utf-8"

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }

    /// The body read back as JSON, for callers (and tests) that look inside.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why a request cannot be answered, with the status and a message for the person who sent it.
public enum APIError: Error, Equatable, CustomStringConvertible {
    case badRequest(String)
    case notFound(String)
    /// The request was well formed, but the learner's code could not answer it.
    case unprocessable(String)
    case methodNotAllowed(String)

    public var status: Int {
        switch self {
        case .badRequest: 400
        case .notFound: 404
        case .methodNotAllowed: 405
        case .unprocessable: 422
        }
    }

    public var description: String {
        switch self {
        case .badRequest(let message), .notFound(let message), .unprocessable(let message), .methodNotAllowed(let message):
            message
        }
    }
}
