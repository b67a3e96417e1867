import Foundation

/// Whether a submission could be read at all.
public enum SubmissionStatus: String, Codable, Sendable, CaseIterable {
    /// Read, and every lesson was tried (each lesson's own status says how it went).
    case graded
    /// Its folder or archive could not be read or unpacked: a damaged archive, a link, a bomb.
    case unreadable
    /// A learner on the roster who handed nothing in.
    case missing
}

/// How one lesson of one submission went.
public enum LessonStatus: String, Codable, Sendable, CaseIterable {
    /// Every scenario passed.
    case pass
    /// It ran, and some scenario failed, crashed or timed out.
    case fail
    /// The submission used up its time before this lesson: it ran, so it counts as tried.
    case timeout
    /// The learner's code for it did not compile (or lacks a name the lesson needs).
    case compileError = "compile-error"
    /// There are no sources for it.
    case missing
    /// Grading it failed for a reason of the grader's (the host could not start).
    case error

    /// Whether the learner's code ran: only then is a score a judgement of it.
    public var ran: Bool { self == .pass || self == .fail || self == .timeout }
}

/// A submission's status in every report: the CSV `status` column, Gradescope's `extra_data`,
/// exercism's top-level `status`. Not gradable (compile-error, missing, unreadable, error) is
/// kept apart from `fail`, a submission that ran and failed scenarios.
public enum Outcome: String, Codable, Sendable, CaseIterable {
    case pass
    case fail
    case compileError = "compile-error"
    case missing
    case unreadable
    case error
    /// Every lesson's code is the course's reference, or was skipped (some lessons of each: `reference`).
    case reference
    case skipped

    public var isGradable: Bool { self == .pass || self == .fail || self == .reference || self == .skipped }
}

/// What an ungradable lesson or submission scores (`--ungradable`): zero, or blank (no score,
/// for the instructor to decide; a platform then shows no automatic score).
public enum UngradablePolicy: String, Codable, Sendable, CaseIterable {
    case zero
    case blank
}

extension SubmissionGrade {
    /// Its status in every report.
    public var outcome: Outcome {
        switch status {
        case .unreadable: return .unreadable
        case .missing: return .missing
        case .graded: break
        }
        if lessons.isEmpty { return .missing }
        if lessons.allSatisfy({ $0.status == .missing }) { return .missing }
        if lessons.contains(where: { $0.status == .compileError || $0.status == .missing }) { return .compileError }
        if lessons.contains(where: { $0.status == .error }) { return .error }
        let own = lessons.filter { $0.origin == nil }
        if own.isEmpty { return lessons.contains { $0.origin == .reference } ? .reference : .skipped }
        return own.allSatisfy({ $0.status == .pass }) ? .pass : .fail
    }

    /// The lessons whose code is the reference or was skipped, as `deciding: reference; evolving: skipped`.
    public var originNote: String {
        lessons.compactMap { lesson in lesson.origin.map { "\(lesson.lesson): \($0.rawValue)" } }.joined(separator: "; ")
    }

    /// Whether any of its code ran: a submission none of whose lessons ran has no score under `blank`.
    public var anyLessonRan: Bool { status == .graded && lessons.contains { $0.status.ran } }

    /// Why it could not be graded, in a line: the message, else the first compile error or missing name.
    public var ungradableReason: String? {
        guard !outcome.isGradable else { return nil }
        if let message { return message }
        if let lesson = lessons.first(where: { !$0.status.ran }) {
            let first = lesson.compileErrors?.components(separatedBy: "\n").first { !$0.isEmpty }
            switch lesson.status {
            case .missing: return "\(lesson.lesson): there are no sources for this lesson"
            default: return "\(lesson.lesson): " + (first ?? lesson.status.rawValue)
            }
        }
        return outcome.rawValue
    }
}
