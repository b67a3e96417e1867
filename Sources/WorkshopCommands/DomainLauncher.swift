import ArgumentParser
import Curriculum
import Foundation
import Playground

/// Runs a lesson's domain command straight from the command line (`workshop start-game 42 alice bob`).
/// Domain commands come from the lesson pack, so swift-argument-parser cannot know them; this
/// looks first, and leaves every other command line to the parser.
public enum DomainLauncher {
    /// The exit status if `arguments` named a domain command, else nil.
    public static func run(_ arguments: [String]) -> Int32? {
        var options: [String] = []
        var words: [String] = []
        var rest = arguments[...]
        while let word = rest.popFirst() {
            if ["--workspace", "--pack", "--store"].contains(word), let value = rest.popFirst() {
                options += [word, value]
            } else {
                words.append(word)
            }
        }
        guard let global = try? GlobalOptions.parse(options) else { return nil }
        let known = Set(Workshop.configuration.subcommands.map { $0.name } + ["help", "-h", "--help", "--version"])
        guard let name = words.first, !name.hasPrefix("-"), !known.contains(name) else { return nil }
        // Only a name some lesson declares opens the workspace: a mistyped command (`workshop lnit`)
        // is the parser's to refuse, and must not create ./workspace on the way.
        let pack = Session.packFolder(global, environment: ProcessInfo.processInfo.environment)
        if let course = try? CoursePackLoader.load(from: pack) {
            let domain = course.lessons.flatMap { lesson in lesson.commands.map(\.name) + lesson.readModels.map(\.name) }
            if !domain.contains(name) {
                // Said here in the tool's words: the parser would blame the default `shell` command.
                let suggestion = Suggestion.closest(to: name, among: Array(known.filter { !$0.hasPrefix("-") }) + domain)
                FileHandle.standardError.write(
                    Data(
                        ("error: unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                            + " (`workshop help` lists the commands)\n").utf8))
                return ExitCode.validationFailure.rawValue
            }
        }
        do {
            // A failure to open the workspace or to look the name up is reported as itself, not
            // left to the parser, which would call the domain command's words unexpected arguments.
            let session = try Session.open(global)
            guard let command = try session.playground.command(named: name) else { return nil }
            try session.playground.run(command, arguments: Array(words.dropFirst()))
            return 0
        } catch is CommandRejected {
            return 1
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            return 1
        }
    }
}
