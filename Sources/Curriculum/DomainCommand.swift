import Foundation
import UserFacing
import Yams

/// A shell command of a lesson's domain, such as `start-game ID PLAYER_ONE PLAYER_TWO`: the
/// learner types it, their own code decides, and the events land on the named stream.
public struct DomainCommand: Sendable, Hashable {
    public var name: String
    public var summary: String
    /// Argument names, in order; they fill the `{name}` placeholders of `stream` and `command`.
    public var arguments: [String]
    /// Values an argument may take (for checking and Tab completion), by argument name.
    public var values: [String: [String]]
    /// The stream the command works on, e.g. `game-{game}`.
    public var stream: String
    /// The command as the learner's `Codable` command type reads it, with placeholders.
    public var command: JSONValue
    /// The binding driver that decides (default `decide`).
    public var driver: String
    /// The lesson that declares it (its binding reaches the learner's code).
    public var lesson: String

    public var usage: String { ([name] + arguments.map { $0.uppercased() }).joined(separator: " ") }

    /// The stream and command for typed arguments, or a message that says what is wrong.
    public func bind(_ typed: [String]) -> Result<(stream: String, command: JSONValue), DomainCommandError> {
        guard typed.count == arguments.count else {
            return .failure(.wrongCount(usage: usage, summary: summary))
        }
        var bindings: [String: String] = [:]
        for (name, value) in zip(arguments, typed) {
            if let allowed = values[name], !allowed.contains(value) {
                if let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) {
                    bindings[name] = match
                    continue
                }
                return .failure(.notAllowed(argument: name, allowed: allowed, typed: value, usage: usage))
            }
            guard !value.isEmpty else { return .failure(.empty(argument: name, usage: usage)) }
            if Self.isNumeric(name, in: command), Int(value) == nil {
                return .failure(.notWholeNumber(argument: name, typed: value, usage: usage))
            }
            bindings[name] = value
        }
        return .success((Self.fill(stream, bindings), Self.fill(command, bindings)))
    }

    /// The arguments that would make this command's template produce `value`, or nil when it
    /// cannot: the way back from a command the learner's code sent to the shell command that runs it.
    public func arguments(producing value: JSONValue) -> [String]? {
        var bindings: [String: String] = [:]
        guard Self.match(command, value, into: &bindings), Set(bindings.keys) == Set(arguments) else { return nil }
        return arguments.map { bindings[$0]! }
    }

    static func match(_ template: JSONValue, _ value: JSONValue, into bindings: inout [String: String]) -> Bool {
        switch (template, value) {
        case (.string(let text), _):
            guard let name = placeholder(text)?.name else { return template == value }
            let bound: String
            switch value {
            case .string(let text): bound = text
            case .number(let number) where number == number.rounded(): bound = String(Int(number))
            case .array(let items):
                let texts = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
                guard texts.count == items.count else { return false }
                bound = texts.joined(separator: ",")
            default: return false
            }
            if let earlier = bindings[name], earlier != bound { return false }
            bindings[name] = bound
            return true
        case (.object(let expected), .object(let actual)):
            return Set(expected.keys) == Set(actual.keys) && expected.allSatisfy { match($0.value, actual[$0.key]!, into: &bindings) }
        case (.array(let expected), .array(let actual)):
            return expected.count == actual.count && zip(expected, actual).allSatisfy { match($0, $1, into: &bindings) }
        default:
            return template == value
        }
    }

    /// A template string that is one placeholder as a whole: `{order}`, `{total:int}`, `{items:list}`.
    /// The kind is as written; the loader has made sure it is a `PlaceholderKind`.
    static func placeholder(_ text: String) -> (name: String, kind: String?)? {
        guard text.hasPrefix("{"), text.hasSuffix("}"), !text.dropFirst().contains("{") else { return nil }
        let parts = text.dropFirst().dropLast().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
    }

    /// Whether the template reads argument `name` as a number (`{name:int}`).
    static func isNumeric(_ name: String, in value: JSONValue) -> Bool {
        switch value {
        case .string(let text): placeholder(text).map { $0.name == name && $0.kind == PlaceholderKind.int.rawValue } ?? false
        case .array(let items): items.contains { isNumeric(name, in: $0) }
        case .object(let fields): fields.values.contains { isNumeric(name, in: $0) }
        default: false
        }
    }

    /// Fills the placeholders of text: `{name}` as typed, `{name:lower}` in lower case.
    static func fill(_ text: String, _ bindings: [String: String]) -> String {
        bindings.reduce(text) {
            $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value)
                .replacingOccurrences(of: "{\($1.key):\(PlaceholderKind.lower.rawValue)}", with: $1.value.lowercased())
        }
    }

    /// Fills placeholders; a string that is exactly `{name:int}` becomes a number and
    /// `{name:list}` a list (split at commas), so commands can carry more than text.
    static func fill(_ value: JSONValue, _ bindings: [String: String]) -> JSONValue {
        switch value {
        case .string(let text):
            switch placeholder(text).map({ ($0.name, $0.kind.flatMap(PlaceholderKind.init(rawValue:))) }) {
            case (let name, .int?)?:
                return bindings[name].flatMap { Double($0) }.map(JSONValue.number) ?? .string(bindings[name] ?? text)
            case (let name, .list?)?:
                let items = (bindings[name] ?? "").split(separator: ",").map { JSONValue.string($0.trimmingCharacters(in: .whitespaces)) }
                return .array(items)
            default:
                return .string(fill(text, bindings))
            }
        case .array(let items): return .array(items.map { fill($0, bindings) })
        case .object(let fields): return .object(fields.mapValues { fill($0, bindings) })
        default: return value
        }
    }
}

/// How to show the state of a category's streams: which binding driver folds their events,
/// and an optional picture the pack declares in `pictures.yaml` (a grid, such as a game's board).
public struct StateView: Sendable, Hashable {
    public var category: String
    public var driver: String
    public var picture: GridPicture?
    public var lesson: String
}

/// How a placeholder reads the word typed for it (`{total:int}`); a bare `{name}` is text.
public enum PlaceholderKind: String, Sendable, Hashable, CaseIterable {
    /// A whole number, written into the command as a JSON number.
    case int
    /// Words separated by commas, written as a JSON list of strings.
    case list
    /// Text in lower case, wherever it stands (a stream too): `email-{email:lower}` names one
    /// stream however the address was typed.
    case lower

    /// Whether the kind may stand inside text (a stream's name, part of a string), not only alone.
    var isText: Bool { self == .lower }
}

/// Code of the learner's that reacts to events in the shell: after a domain command appends to a
/// stream of `category`, each new event is handed to the binding's `driver`, which answers with
/// commands to send (a process manager). Each command runs like a typed one, by the domain
/// command whose template it matches, with the causation and correlation ids the learner's
/// code gave it.
public struct Reaction: Sendable, Hashable {
    /// A name for the shell to say who sent a command (`fulfilment`).
    public var name: String
    public var category: String
    public var driver: String
    /// The binding's driver that tells the process the time (`clock:`), if it keeps any: given
    /// every event of the category it has seen and `now` (seconds since 1970), it answers with the
    /// commands whose deadline has passed. The shell's `wait` calls it.
    public var clock: String?
    public var lesson: String

    public init(name: String, category: String, driver: String, clock: String? = nil, lesson: String) {
        self.name = name
        self.category = category
        self.driver = driver
        self.clock = clock
        self.lesson = lesson
    }
}

/// Why typed words do not fit a domain command or a read model's view; `usage` is how it goes.
public enum DomainCommandError: UserFacingError, Sendable, Equatable {
    /// Too few or too many words for the arguments.
    case wrongCount(usage: String, summary: String)
    /// An argument with a fixed set of values got another.
    case notAllowed(argument: String, allowed: [String], typed: String, usage: String)
    /// An argument got an empty word (`""`).
    case empty(argument: String, usage: String)
    /// An argument the command uses as a number got a word that is not one.
    case notWholeNumber(argument: String, typed: String, usage: String)

    public var problem: String {
        switch self {
        case .wrongCount(let usage, let summary): "usage: \(usage)" + (summary.isEmpty ? "" : " — \(summary)")
        case .notAllowed(let argument, let allowed, let typed, _):
            "\(argument.uppercased()) must be one of \(allowed.joined(separator: ", ")), not '\(typed)'"
        case .empty(let argument, _): "\(argument.uppercased()) cannot be empty"
        case .notWholeNumber(let argument, let typed, _): "\(argument.uppercased()) must be a whole number, not '\(typed)'"
        }
    }

    public var remedy: String? {
        switch self {
        case .wrongCount: nil
        case .notAllowed(_, _, _, let usage), .empty(_, let usage), .notWholeNumber(_, _, let usage): "usage: \(usage)"
        }
    }
}

/// Reads a lesson's `commands.yaml`.
enum DomainCommandsFile {
    static let keys = ["name", "summary", "arguments", "values", "stream", "command", "driver"]

    /// What a `commands.yaml` declares, and what is wrong with it.
    struct Contents {
        var commands: [DomainCommand] = []
        var states: [StateView] = []
        var reactions: [Reaction] = []
        var views: [ReadModelView] = []
        var problems: [PackProblem] = []
        /// The file as YAML, for the checks against the lesson's binding and types.
        var root: Node?
    }

    static func parse(_ text: String, file: String, lesson: String, pictures: [String: GridPicture]) -> Contents {
        var problems: [PackProblem] = []
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return Contents(problems: [PackProblem(file: file, line: 1, "is empty; add 'commands:'")])
            }
            root = node
        } catch let error as YamlError {
            return Contents(problems: [CoursePackLoader.problem(from: error, file: file, lineOffset: 0)])
        } catch {
            return Contents(problems: [PackProblem(file: file, "cannot be read: \(error)")])
        }
        var views: [StateView] = []
        for node in root.mapping?["states"]?.sequence ?? [] {
            var fields = YAMLFields(file: file, node: node)
            fields.rejectUnknownKeys(["category", "driver", "picture"])
            var picture: GridPicture?
            if let name = fields.string("picture", required: false) {
                picture = pictures[name]
                if picture == nil {
                    let known = pictures.keys.sorted()
                    fields.problem(
                        known.isEmpty
                            ? "no picture '\(name)': the pack declares none; declare it in \(PicturesFile.file)"
                            : "no picture '\(name)'\(LessonTypeCheck.didYouMean(name, among: known)) (\(PicturesFile.file) declares: \(known.joined(separator: ", ")))",
                        at: fields.value("picture"))
                }
            }
            if let category = fields.string("category"), let driver = fields.string("driver") {
                views.append(StateView(category: category, driver: driver, picture: picture, lesson: lesson))
            }
            problems += fields.problems
        }
        var reactions: [Reaction] = []
        for node in root.mapping?["reactions"]?.sequence ?? [] {
            var fields = YAMLFields(file: file, node: node)
            fields.rejectUnknownKeys(["name", "category", "driver", "clock"])
            if let name = fields.string("name"), let category = fields.string("category"), let driver = fields.string("driver") {
                reactions.append(
                    Reaction(name: name, category: category, driver: driver, clock: fields.string("clock", required: false), lesson: lesson)
                )
            }
            problems += fields.problems
        }
        var readModels: [ReadModelView] = []
        for node in root.mapping?["views"]?.sequence ?? [] {
            var fields = YAMLFields(file: file, node: node)
            fields.rejectUnknownKeys(["name", "summary", "arguments", "driver", "shows", "checkpoint"])
            let arguments = fields.strings("arguments", required: false)
            if let name = fields.string("name"), let driver = fields.string("driver") {
                let shows = fields.string("shows", required: false)
                for placeholder in (shows ?? "").split(separator: ".").compactMap({ DomainCommand.placeholder(String($0))?.name })
                where !arguments.contains(placeholder) {
                    fields.problem("'shows' names {\(placeholder)}, which is not one of the arguments")
                }
                readModels.append(
                    ReadModelView(
                        name: name, summary: fields.string("summary", required: false) ?? "", arguments: arguments, driver: driver,
                        shows: shows, checkpoint: fields.string("checkpoint", required: false), lesson: lesson))
            }
            problems += fields.problems
        }
        guard let items = root.mapping?["commands"]?.sequence ?? (views.isEmpty && reactions.isEmpty && readModels.isEmpty ? nil : [])
        else {
            return Contents(
                problems: [
                    PackProblem(
                        file: file, line: root.mark?.line, "needs 'commands:', a list of commands with name, arguments, stream and command")
                ])
        }
        var commands: [DomainCommand] = []
        for item in items {
            var fields = YAMLFields(file: file, node: item)
            fields.rejectUnknownKeys(keys)
            let name = fields.string("name")
            let arguments = fields.strings("arguments")
            let stream = fields.string("stream")
            var values: [String: [String]] = [:]
            if let mapping = fields.value("values")?.mapping {
                for (key, list) in mapping {
                    guard let argument = key.string, arguments.contains(argument) else {
                        fields.problem("'values' names '\(key.string ?? "")', which is not one of the arguments", at: key)
                        continue
                    }
                    values[argument] = list.sequence?.compactMap(\.string) ?? []
                }
            }
            guard let template = fields.value("command") else {
                fields.problem("missing 'command': the command as the learner's Codable type reads it, with {argument} placeholders")
                problems += fields.problems
                continue
            }
            checkPlaceholders(stream: stream, template: template, arguments: arguments, fields: &fields)
            problems += fields.problems
            guard let name, let stream, fields.problems.isEmpty else { continue }
            commands.append(
                DomainCommand(
                    name: name, summary: fields.string("summary", required: false) ?? "", arguments: arguments, values: values,
                    stream: stream, command: JSONValue(yaml: template), driver: fields.string("driver", required: false) ?? "decide",
                    lesson: lesson))
        }
        return Contents(
            commands: commands, states: views, reactions: reactions, views: readModels, problems: problems, root: root)
    }

    /// Every `{placeholder}` names an argument, with a kind the tool knows where it stands alone;
    /// every argument is used somewhere, or typing it would change nothing.
    static func checkPlaceholders(stream: String?, template: Node, arguments: [String], fields: inout YAMLFields) {
        var used: Set<String> = []
        func visit(_ text: String, at node: Node?, kinds: Bool) {
            let whole = DomainCommand.placeholder(text)
            for match in SwiftDeclarations.matches(#"\{([^{}]*)\}"#, in: text) {
                let parts = match[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let name = parts[0]
                used.insert(name)
                if !arguments.contains(name) {
                    fields.problem(
                        "the placeholder {\(match[1])} names '\(name)', which is not one of the arguments"
                            + "\(LessonTypeCheck.didYouMean(name, among: arguments)) (they are: \(arguments.joined(separator: ", ")))",
                        at: node)
                }
                guard parts.count == 2 else { continue }
                let known = PlaceholderKind.allCases.map(\.rawValue)
                let kind = PlaceholderKind(rawValue: parts[1])
                if kind?.isText == true {
                    continue
                } else if !kinds || whole == nil {
                    fields.problem(
                        "{\(match[1])} has a kind, but only a value that is one placeholder and nothing else can have one;"
                            + " write {\(name)} (or {\(name):lower}) here", at: node)
                } else if kind == nil {
                    fields.problem(
                        "{\(match[1])} has an unknown kind '\(parts[1])'\(LessonTypeCheck.didYouMean(parts[1], among: known))"
                            + " (kinds: \(known.joined(separator: ", ")); leave it out for text)", at: node)
                }
            }
        }
        func walk(_ node: Node) {
            if let text = node.scalar?.string, text.contains("{") { visit(text, at: node, kinds: true) }
            node.sequence?.forEach(walk)
            node.mapping?.forEach { walk($0.value) }
        }
        if let stream { visit(stream, at: fields.value("stream"), kinds: false) }
        walk(template)
        for argument in arguments where !used.contains(argument) {
            fields.problem(
                "argument '\(argument)' is not used in 'stream' or 'command'; use it as {\(argument)} or remove it",
                at: fields.value("arguments"))
        }
    }
}
