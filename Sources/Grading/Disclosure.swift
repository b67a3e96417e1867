import Checking
import Foundation

/// How much of the hidden expectations a learner's reports may show (`--feedback`).
public enum FeedbackDetail: String, Sendable, CaseIterable {
    /// Each scenario as its suite marks it (`visibility:`): the default.
    case asMarked = "as-marked"
    /// As marked, with the grades published: `after-published` scenarios are shown too.
    case published
    /// Everything in full, whatever the marks: given/when/then, expected and got, the teaching line.
    case full
    /// Only which scenarios failed, and the teaching line: the hidden expectations stay hidden.
    case namesOnly = "names-only"
}

/// What a learner's reports (feedback files, exercism, Gradescope's output) show of each
/// scenario, from its suite's mark, the run's `--feedback` and whether the due date has passed
/// when the reports are written. Gradescope gates by date itself, so it is given the mark as
/// its per-test `visibility` with the full text; files handed to learners are gated here.
public struct Disclosure: Sendable, Equatable {
    public var detail: FeedbackDetail
    /// Whether the due date had passed when the reports were written; false without `--due`.
    public var duePassed: Bool

    public init(detail: FeedbackDetail, due: Date?, now: Date = Date()) {
        self.detail = detail
        duePassed = due.map { now > $0 } ?? false
    }

    /// Whether a file handed to the learner shows this scenario's expectations, or only its name.
    public func showsDetail(_ scenario: ScenarioResult) -> Bool {
        switch detail {
        case .full: return true
        case .namesOnly: return false
        case .asMarked, .published:
            switch scenario.visibility ?? .visible {
            case .visible: return true
            case .hidden: return false
            case .afterDue: return duePassed
            case .afterPublished: return detail == .published
            }
        }
    }

    /// Gradescope's per-test `visibility`, and whether its output shows the expectations. A
    /// `hidden` scenario stays listed by name (Gradescope's own `hidden` would drop it whole).
    public func gradescope(_ scenario: ScenarioResult) -> (visibility: String, detailed: Bool) {
        switch detail {
        case .full: return ("visible", true)
        case .namesOnly: return ("visible", false)
        case .asMarked, .published:
            switch scenario.visibility ?? .visible {
            case .visible: return ("visible", true)
            case .hidden: return ("visible", false)
            case .afterDue: return ("after_due_date", true)
            case .afterPublished: return ("after_published", true)
            }
        }
    }
}
