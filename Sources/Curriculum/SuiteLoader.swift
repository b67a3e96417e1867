import Foundation
import Yams

/// Reads a lesson's `suite.yaml`; every problem is reported with its line, like the pack loader.
public enum SuiteLoader {
    static let scenarioKeys = ["name", "weight", "feedback", "given", "when", "then", "visibility"]
    static let expectationKeys = ["events", "error", "state", "value"]

    public static func load(_ file: URL, displayName: String) throws(PackValidationError) -> Suite {
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw PackValidationError(
                folder: file.deletingLastPathComponent().path, problems: [PackProblem(file: displayName, "is missing or unreadable")])
        }
        return try parse(text, displayName: displayName)
    }

    public static func parse(_ text: String, displayName: String) throws(PackValidationError) -> Suite {
        try parse(compose(text, displayName: displayName), displayName: displayName)
    }

    /// The suite's text as YAML, whose nodes know their lines.
    static func compose(_ text: String, displayName: String) throws(PackValidationError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PackValidationError(
                    folder: displayName, problems: [PackProblem(file: displayName, line: 1, "is empty; add 'scenarios:'")])
            }
            return node
        } catch let error as PackValidationError {
            throw error
        } catch let error as YamlError {
            throw PackValidationError(
                folder: displayName, problems: [CoursePackLoader.problem(from: error, file: displayName, lineOffset: 0)])
        } catch {
            throw PackValidationError(folder: displayName, problems: [PackProblem(file: displayName, "cannot be read: \(error)")])
        }
    }

    static func parse(_ root: Node, displayName: String) throws(PackValidationError) -> Suite {
        var problems: [PackProblem] = []
        func problem(_ node: Node?, _ message: String) {
            problems.append(PackProblem(file: displayName, line: node?.mark?.line, message))
        }
        var timeout = 2.0
        if let node = root.mapping?["timeout"] {
            if let seconds = node.float, seconds > 0 {
                timeout = seconds
            } else {
                problem(node, "'timeout' should be a number of seconds above 0")
            }
        }
        // How each driver's question reads in a failure's When line, in the domain's words.
        var asks: [String: String] = [:]
        if let node = root.mapping?["asks"] {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let driver = key.string, let phrase = value.string, !phrase.isEmpty else {
                        problem(
                            value, "each of 'asks' should be a driver and the words its question reads as, e.g. 'fold: the state after'")
                        continue
                    }
                    asks[driver] = phrase
                }
            } else {
                problem(node, "'asks' should map drivers to the words their questions read as")
            }
        }
        var scenarios: [Scenario] = []
        guard let items = root.mapping?["scenarios"]?.sequence, !items.isEmpty else {
            problem(root, "needs 'scenarios:', a list of scenarios each with name, when and then")
            throw PackValidationError(folder: displayName, problems: problems)
        }
        var names: Set<String> = []
        for item in items {
            guard let mapping = item.mapping else {
                problem(item, "each scenario should be a mapping with name, given, when, then")
                continue
            }
            for (key, _) in mapping where !scenarioKeys.contains(key.string ?? "") {
                let hint = Suggestion.closest(to: key.string ?? "", among: scenarioKeys).map { "; did you mean '\($0)'?" } ?? ""
                problem(key, "unknown field '\(key.string ?? "")'\(hint)")
            }
            guard let name = mapping["name"]?.string, !name.isEmpty else {
                problem(item, "a scenario needs a 'name' that says what it checks, in the domain's words")
                continue
            }
            if !names.insert(name).inserted { problem(mapping["name"], "two scenarios are named '\(name)'; names must be unique") }
            var weight = 1
            if let node = mapping["weight"] {
                if let value = node.int, value > 0 { weight = value } else { problem(node, "'weight' should be a whole number above 0") }
            }
            var visibility = ScenarioVisibility.visible
            if let node = mapping["visibility"] {
                let words = ScenarioVisibility.allCases.map(\.rawValue)
                if let word = node.string, let value = ScenarioVisibility(rawValue: word) {
                    visibility = value
                } else {
                    let hint = Suggestion.closest(to: node.string ?? "", among: words).map { "; did you mean '\($0)'?" } ?? ""
                    problem(node, "'visibility' should be one of \(words.joined(separator: ", "))\(hint)")
                }
            }
            var given: [JSONValue] = []
            if let node = mapping["given"] {
                if let events = node.sequence {
                    given = events.map(JSONValue.init(yaml:))
                } else if node.null == nil {
                    problem(node, "'given' should be a list of events")
                }
            }
            guard let whenNode = mapping["when"], let when = whenNode.mapping, when.count == 1, let (driverNode, inputNode) = when.first,
                let driver = driverNode.string
            else {
                problem(
                    mapping["when"] ?? item,
                    "'when' should name one driver of the lesson's binding with its input, e.g. 'when: {decide: {<command case>: {…}}}'")
                continue
            }
            guard let thenNode = mapping["then"], let then = thenNode.mapping, then.count == 1, let (kindNode, valueNode) = then.first,
                let kind = kindNode.string, expectationKeys.contains(kind)
            else {
                problem(mapping["then"] ?? item, "'then' should be one of: events: [...], error: CASE, state: {...}, value: ...")
                continue
            }
            let expectation: Expectation
            switch kind {
            case "events":
                guard let events = valueNode.sequence else {
                    problem(valueNode, "'events' should be a list (use [] for none)")
                    continue
                }
                expectation = .events(events.map(JSONValue.init(yaml:)))
            case "error":
                guard let error = valueNode.string, !error.isEmpty else {
                    problem(valueNode, "'error' should name the error case, e.g. 'error: alreadyStarted'")
                    continue
                }
                expectation = .error(error)
            case "state": expectation = .state(JSONValue(yaml: valueNode))
            default: expectation = .value(JSONValue(yaml: valueNode))
            }
            scenarios.append(
                Scenario(
                    name: name, weight: weight, feedback: mapping["feedback"]?.string, given: given,
                    when: Request(driver: driver, input: JSONValue(yaml: inputNode)), then: expectation, line: item.mark?.line,
                    visibility: visibility))
        }
        guard problems.isEmpty else { throw PackValidationError(folder: displayName, problems: problems) }
        return Suite(timeout: timeout, scenarios: scenarios, asks: asks)
    }
}

extension Course {
    /// A lesson's hidden suite, nil when it has none: the one loaded with the pack, or else read and
    /// validated now, its problems named by file and line like the pack's.
    public func suite(of lesson: Lesson) throws(PackValidationError) -> Suite? {
        if let suite = lesson.loadedSuite { return suite }
        guard let file = lesson.suiteFile else { return nil }
        do {
            return try SuiteLoader.load(file, displayName: "\(lesson.id)/\(CoursePackLoader.suiteFile)")
        } catch {
            throw PackValidationError(folder: folder.path, problems: error.problems)
        }
    }
}
