import ArgumentParser
import Curriculum
import Shell

/// Whether a line a learner types on a lesson would run in the shell: the words split as the shell
/// splits them, a domain command of the lessons so far bound to its arguments, any other command
/// parsed by the command table's own types. Nothing runs; `lint` uses it on every line a lesson
/// text shows after the prompt.
enum TypedLineCheck {
    /// Why `line` would not run for a learner on `lesson`, or nil if it would.
    static func problem(with line: String, on lesson: Lesson, in course: Course) -> String? {
        let words: [String]
        do { words = try ShellWords.split(line) } catch { return error.description }
        guard let name = words.first?.lowercased() else { return nil }
        let arguments = Array(words.dropFirst())
        let domain = course.domainCommands(upTo: lesson), views = course.readModels(upTo: lesson)
        switch name {
        case "quit", "exit", "clear": return arguments.isEmpty ? nil : "`\(name)` takes no arguments"
        case "help", "?":
            guard let topic = arguments.first?.lowercased() else { return nil }
            let known = CommandTable.names + domain.map(\.name) + views.map(\.name)
            return known.contains(topic) ? nil : "`help` knows no command '\(topic)'"
        default: break
        }
        if let command = domain.last(where: { $0.name == name }) {
            if case .failure(let error) = command.bind(arguments) { return error.description }
            return nil
        }
        if let view = views.last(where: { $0.name == name }) {
            if case .failure(let error) = view.path(for: arguments) { return error.description }
            return nil
        }
        guard Workshop.commands.contains(where: { $0.name == name }) else {
            let suggestion = Suggestion.closest(to: name, among: CommandTable.names + domain.map(\.name) + views.map(\.name)).map {
                "; did you mean '\($0)'?"
            }
            return "no command '\(words[0])' on lesson \(lesson.number)\(suggestion ?? "")"
        }
        do {
            guard let command = try Workshop.parseAsRoot([name] + arguments) as? any WorkshopCommand else { return nil }
            return command.global.isEmpty ? nil : "--workspace, --pack and --store apply only when the shell starts"
        } catch is CleanExit {
            return nil
        } catch {
            let message = Workshop.message(for: error)
            return message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        }
    }
}
