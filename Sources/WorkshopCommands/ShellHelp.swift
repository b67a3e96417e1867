import ArgumentParser
import Curriculum
import Foundation
import Playground
import Shell

/// `help` in the shell: the command table, the lesson's domain commands, and one command's usage
/// as the shell takes it (without the options that only the command line has).
struct ShellHelp {
    let session: Session

    /// Options that only make sense when `workshop` starts; the shell already has them.
    static let commandLineOnly = ["--workspace", "--pack", "--store", "--version", "-h, --help"]

    func list() {
        let out = session.out
        let rows = Workshop.commands.map { [$0.name, $0.configuration.abstract] } + CommandTable.shellOnly.map { [$0.0, $0.1] }
        for line in TableRenderer(styler: out.styler, width: out.width).render(header: ["command", "what it does"], rows: rows) {
            out.line(line)
        }
        let domain = domainCommands().map { ($0.usage, $0.summary) } + readModels().map { ($0.usage, $0.summary) }
        if !domain.isEmpty {
            out.line()
            out.line(out.styled("Your domain's commands", .bold) + out.styled(" · they run through your code", .dim))
            let rows = domain.map { [$0.0, $0.1] }
            for line in TableRenderer(styler: out.styler, width: out.width).render(header: ["command", "what it does"], rows: rows)
                .dropFirst()
            {
                out.line(line)
            }
        }
        out.line()
        out.paragraph("`help COMMAND` shows a command's arguments." + Self.namingExample(session.course))
    }

    /// How lessons are named, with an example from the loaded pack (its second lesson, or its
    /// only one): a pack's words, never this course's.
    static func namingExample(_ course: Course) -> String {
        guard let lesson = course.lessons.dropFirst().first ?? course.lessons.first else { return "" }
        return " Lessons are named by number or id (`start \(lesson.number)`, `start \(lesson.id)`)."
    }

    /// One command's help; false when there is no such command.
    func show(_ topic: String) -> Bool {
        let out = session.out
        let name = topic.lowercased()
        if let command = Workshop.commands.first(where: { $0.name == name }) {
            Self.shellUsage(Workshop.helpMessage(for: command, columns: out.width), width: out.width).forEach(out.line)
            return true
        }
        if let shellOnly = CommandTable.shellOnly.first(where: { $0.0 == name }) {
            out.paragraph(shellOnly.1)
            return true
        }
        if let view = readModels().last(where: { $0.name == name }) {
            out.line(out.styled("USAGE: ", .bold) + view.usage)
            if !view.summary.isEmpty { out.paragraph(view.summary) }
            out.paragraph(
                "It runs your projection from the lesson '\(session.course.lesson(view.lesson)?.title ?? view.lesson)' over the all-stream's domain events; it appends nothing."
            )
            return true
        }
        if let domain = domainCommands().last(where: { $0.name == name }) {
            out.line(out.styled("USAGE: ", .bold) + domain.usage + " [--id ID] [--shared]")
            if !domain.summary.isEmpty { out.paragraph(domain.summary) }
            for argument in domain.arguments {
                let allowed = domain.values[argument].map { " (one of \($0.joined(separator: ", ")))" } ?? ""
                out.paragraph("\(argument.uppercased())\(allowed)", indent: "  ", hanging: "    ")
            }
            out.paragraph(
                "--id ID sends the command under that id: sent again with the same id, it is answered with the events it produced the first time, and nothing is decided again.",
                indent: "  ", hanging: "    ")
            out.paragraph(
                "--shared works on \(Self.readable(domain.stream)) as typed, which everyone on a shared store sees (a demo); without it, on a shared store the stream carries your name, \(Self.readable(StreamNamespace(learner: "NAME").stream(domain.stream).rawValue)), so that no one else's is yours. On your own store it changes nothing.",
                indent: "  ", hanging: "    ")
            out.paragraph(
                "It runs through your code from the lesson '\(session.course.lesson(domain.lesson)?.title ?? domain.lesson)' on; the events land on \(Self.readable(domain.stream)).",
                indent: "", hanging: "")
            return true
        }
        return false
    }

    /// `game-{game}` as a person reads it: `game-GAME`.
    static func readable(_ template: String) -> String {
        var result = template
        while let open = result.firstIndex(of: "{"), let close = result[open...].firstIndex(of: "}") {
            let name = result[result.index(after: open)..<close].split(separator: ":").first ?? ""
            result.replaceSubrange(open...close, with: name.uppercased())
        }
        return result
    }

    /// The names of the lesson's domain commands and read models, for "did you mean".
    var domainNames: [String] { domainCommands().map(\.name) + readModels().map(\.name) }

    private func domainCommands() -> [DomainCommand] {
        Self.lastOfEachName((try? session.course.domainCommands(upTo: session.currentLesson())) ?? [], name: \.name)
    }

    private func readModels() -> [ReadModelView] {
        Self.lastOfEachName((try? session.course.readModels(upTo: session.currentLesson())) ?? [], name: \.name)
    }

    /// A later lesson may declare a command again; the shell runs the last one.
    static func lastOfEachName<Item>(_ items: [Item], name: (Item) -> String) -> [Item] {
        var seen = Set<String>()
        return items.reversed().filter { seen.insert(name($0)).inserted }.reversed()
    }

    /// The library's help text for a command, as the shell takes it: `USAGE: check [<lesson>] …`
    /// wrapped to the screen, without the command-line-only options and sentences on exit status.
    static func shellUsage(_ help: String, width: Int) -> [String] {
        var lines: [String] = []
        var skippingOption = false
        for line in help.components(separatedBy: "\n") {
            if line.hasPrefix("USAGE: ") {
                var usage = String(line.dropFirst("USAGE: workshop ".count))
                for global in ["[--workspace <dir>] ", "[--pack <dir>] ", "[--store <url>] "] {
                    usage = usage.replacingOccurrences(of: global, with: "")
                }
                lines += TextWrapper.wrap(usage, width: width, firstPrefix: "USAGE: ", restPrefix: "         ")
                continue
            }
            let trimmed = line.drop { $0 == " " }
            if line.hasPrefix("  "), trimmed.hasPrefix("-") {
                skippingOption = commandLineOnly.contains { trimmed.hasPrefix($0 + " ") || trimmed == $0 }
            } else if !line.hasPrefix("    ") {
                skippingOption = false
            }
            if skippingOption { continue }
            lines.append(line)
        }
        // "The exit status is …" speaks of the command line, not of the shell.
        var result: [String] = []
        var paragraph: [String] = []
        func flush() {
            let text = paragraph.joined(separator: " ")
            if text.contains("The exit status") {
                let kept = text.replacingOccurrences(of: "The exit status[^.]*\\.\\s*", with: "", options: .regularExpression)
                if !kept.isEmpty { result += TextWrapper.wrap(kept, width: width) }
            } else {
                result += paragraph
            }
            paragraph = []
        }
        for line in lines {
            if line.isEmpty {
                flush()
                if result.last != "" { result.append("") }
            } else {
                paragraph.append(line)
            }
        }
        flush()
        while result.last == "" { result.removeLast() }
        return result
    }
}
