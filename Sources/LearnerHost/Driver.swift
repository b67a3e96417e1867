import EventSourcing
import Foundation

/// One kind of question the host can answer, bound to the learner's code by a lesson's binding file.
///
/// A driver turns the request's JSON input into the learner's types, calls their code, and turns
/// what it returned into JSON. It never sees an expected outcome: judging happens in the tool.
public struct Driver {
    let answer: (Data) throws -> Data

    /// `decide(command, given: events) -> events`: the decider contract.
    public static func decider<Command: Decodable, Event: Codable>(
        _ decide: @escaping (Command, [Event]) throws -> [Event]
    ) -> Driver {
        Driver { input in
            let request: DecideInput<Command, Event> = try HostJSON.decode(input, what: "the scenario's command and events")
            let events = try LearnerCall.run { try decide(request.command, request.given) }
            return try HostJSON.encode(events)
        }
    }

    /// `fold(events) -> state`: the evolve contract (the state after a left fold of events).
    public static func fold<Event: Decodable, State: Encodable>(
        initial: @escaping () -> State, evolve: @escaping (State, Event) -> State
    ) -> Driver {
        Driver { input in
            let request: FoldInput<Event> = try HostJSON.decode(input, what: "the scenario's events")
            let state = try LearnerCall.run { request.given.reduce(initial(), evolve) }
            return try HostJSON.encode(state)
        }
    }

    /// A learner's ``Decider`` asked for the events a command makes on a history: the history
    /// folded from its initial state, then decided on.
    public static func decider<Command: Decodable, Event: Codable, State>(_ decider: Decider<Command, Event, State>) -> Driver {
        .decider { (command: Command, events: [Event]) in try decider.decide(command, decider.fold(events)) }
    }

    /// A learner's ``Decider`` asked for the state after a history: its fold.
    public static func fold<Command, Event: Decodable, State: Encodable>(_ decider: Decider<Command, Event, State>) -> Driver {
        .fold(initial: { decider.initialState }, evolve: decider.evolve)
    }

    /// `function(input) -> output`: any single call, such as an event's type name.
    public static func value<Input: Decodable, Output: Encodable>(_ function: @escaping (Input) throws -> Output) -> Driver {
        Driver { input in
            let request: ValueInput<Input> = try HostJSON.decode(input, what: "the scenario's input")
            return try HostJSON.encode(try LearnerCall.run { try function(request.input) })
        }
    }

    /// A named check for what data cannot express; it receives the scenario's parameters and
    /// returns what it observed, for the tool to judge.
    public static func check<Parameters: Decodable, Observation: Encodable>(
        _ body: @escaping (Parameters) throws -> Observation
    ) -> Driver {
        value(body)
    }
}

struct DecideInput<Command: Decodable, Event: Decodable>: Decodable {
    var given: [Event]
    var command: Command
}

struct FoldInput<Event: Decodable>: Decodable {
    var given: [Event]
}

struct ValueInput<Input: Decodable>: Decodable {
    var input: Input
}

/// The learner's code threw: reported as the scenario's outcome, not as a failure of the host.
struct LearnerThrew: Error {
    var error: any Error
}

/// The request did not fit the learner's types (say, an event case they have not declared yet).
struct HarnessMismatch: Error {
    var message: String
}

enum LearnerCall {
    static func run<Result>(_ body: () throws -> Result) throws -> Result {
        do { return try body() } catch { throw LearnerThrew(error: error) }
    }
}

enum HostJSON {
    static func decode<Value: Decodable>(_ data: Data, what: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch let error as DecodingError {
            throw HarnessMismatch(message: "your types cannot read \(what): \(describe(error))")
        }
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        do {
            return try OrderedJSON.encode(value)
        } catch {
            throw HarnessMismatch(message: "your value cannot be written as JSON: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : " at \(keys.joined(separator: "."))"
        }
        switch error {
        case .keyNotFound(let key, let context): return "no '\(key.stringValue)'\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.debugDescription + path(context)
        @unknown default: return "\(error)"
        }
    }
}
