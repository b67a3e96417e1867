import Checking
import Foundation

/// `junit.xml`: a test suite per submission and lesson, a test case per scenario, in the JUnit
/// schema CI servers (Jenkins and others) read.
public enum JUnitReport {
    public static func xml(_ run: GradingRun, shown: Disclosure) -> String {
        var suites: [String] = []
        var total = 0, failures = 0, errors = 0, skipped = 0
        for submission in run.submissions {
            if submission.status != .graded {
                total += 1
                errors += 1
                suites.append(
                    """
                      <testsuite name="\(escape(submission.id))" tests="1" failures="0" errors="1" skipped="0" time="\(seconds(submission.seconds))">
                        <testcase classname="\(escape(submission.id))" name="grading" time="0"><error message="\(escape(submission.outcome.rawValue + ": " + (submission.ungradableReason ?? "not graded")))"/></testcase>
                      </testsuite>
                    """)
                continue
            }
            for lesson in submission.lessons {
                let name = "\(submission.id).\(lesson.lesson)"
                var cases: [String] = []
                var suiteFailures = 0, suiteErrors = 0, suiteSkipped = 0
                if let origin = lesson.origin {
                    suiteSkipped += 1
                    cases.append(
                        "    <testcase classname=\"\(escape(name))\" name=\"\(origin.rawValue)\" time=\"0\"><skipped message=\"\(escape(FeedbackReport.originText(origin, credit: run.policy.referenceCode)))\"/></testcase>"
                    )
                }
                if lesson.scenarios.isEmpty {
                    suiteErrors += 1
                    cases.append(
                        "    <testcase classname=\"\(escape(name))\" name=\"\(escape(lesson.status.rawValue))\" time=\"0\"><error message=\"\(escape(lesson.status.rawValue))\">\(escape(lesson.compileErrors ?? ""))</error></testcase>"
                    )
                }
                for scenario in lesson.scenarios {
                    let head = "    <testcase classname=\"\(escape(name))\" name=\"\(escape(scenario.name))\" time=\"0\""
                    let detailed = shown.showsDetail(scenario)
                    let explanation = escape(FeedbackReport.explanation(scenario, lesson: lesson, namesOnly: !detailed))
                    // Names only: the message is the status, never the hidden expectation.
                    let message = escape(detailed ? scenario.message : scenario.status.rawValue)
                    switch scenario.status {
                    case .pass: cases.append(head + "/>")
                    case .fail:
                        suiteFailures += 1
                        cases.append(
                            head + "><failure message=\"\(message)\" type=\"fail\">\(explanation)</failure></testcase>")
                    default:
                        suiteErrors += 1
                        cases.append(
                            head
                                + "><error message=\"\(message)\" type=\"\(scenario.status.rawValue)\">\(explanation)</error></testcase>"
                        )
                    }
                }
                total += cases.count
                failures += suiteFailures
                errors += suiteErrors
                skipped += suiteSkipped
                suites.append(
                    "  <testsuite name=\"\(escape(name))\" tests=\"\(cases.count)\" failures=\"\(suiteFailures)\" errors=\"\(suiteErrors)\" skipped=\"\(suiteSkipped)\" time=\"\(seconds(submission.seconds))\">\n"
                        + cases.joined(separator: "\n") + "\n  </testsuite>")
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="workshop grade" tests="\(total)" failures="\(failures)" errors="\(errors)" skipped="\(skipped)">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

    /// XML-escapes text, dropping characters XML 1.0 cannot hold (control characters from output).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
