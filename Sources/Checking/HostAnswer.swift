import Curriculum

/// What the host reported for one request: what the learner's code did, or why it could not say.
public enum HostAnswer: Sendable, Equatable {
    /// The code returned this value (events, a state, any value) as JSON.
    case returned(JSONValue)
    /// The code threw: the error's Swift type and its description (for an enum, the case name).
    case threw(type: String, description: String)
    /// The request did not fit the learner's types, or the binding lacks the driver.
    case mismatch(String)
    /// No answer within the time allowed; the host was stopped.
    case timedOut(seconds: Double)
    /// The host died: a crash, `fatalError`, a failed unwrap, running out of stack or memory.
    case crashed(String)
}
