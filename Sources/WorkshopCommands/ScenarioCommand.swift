import ArgumentParser
import Checking
import Curriculum
import Foundation
import Linting
import Shell

/// `scenario [N|id]`: the learner writes given/when/then scenarios of their own and learns what
/// each is worth, by the lint's own measure: the course's reference must keep it, and at least one
/// plausible mistake (a wrong solution, a mutant of the reference) must fail it.
struct ScenarioCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Try your own scenarios (scenarios/LESSON.yaml) on the course's reference and on plausible mistakes.",
        discussion: """
            The first time, it writes scenarios/<lesson>.yaml in your workspace with one of the course's own scenarios \
            to start from. Each scenario must hold for the course's reference, and a good one fails for at least \
            one mistake: a wrong solution kept beside the reference, or a small change to it (a mutant). The exit \
            status is 0 only when every scenario holds and catches something.
            """)
    static let completions: [ArgumentCompletion] = [.lesson]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson's number or id (default: the current one).", valueName: "lesson")) var reference: String?
    @Option(help: "The most mutants of the reference tried.") var mutants: Int = 8
    @Flag(help: "Print the verdicts as JSON.") var json = false

    func run(in session: Session) throws {
        let lesson = try session.lessonOrCurrent(reference)
        guard let suite = try session.course.suite(of: lesson) else {
            throw WorkshopError("lesson \(lesson.number) (\(lesson.id)) has no suite, so there is nothing to try scenarios on")
        }
        let out = session.out
        let relative = "scenarios/\(lesson.id).yaml"
        let file = session.workspace.root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: file.path) else {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Self.template(for: lesson, suite: suite).utf8).write(to: file)
            out.paragraph(
                "wrote \(relative): one of the course's own scenarios to start from. Change it into a case of your own"
                    + " (a rule, an edge, a mistake you nearly made), add more, and run `scenario` again.")
            return
        }
        let theirs: Suite
        do {
            theirs = try SuiteLoader.load(file, displayName: relative)
        } catch {
            throw WorkshopError(error.problems.map(\.description).joined(separator: "\n"))
        }
        let runtime = try LearnerRuntime.find()
        if !json { try runtime.ensureKit { out.line(out.styled($0, .dim)) } }
        let reviewer = PackLinter(
            course: session.course, builder: runtime.builder, limits: LearnerRuntime.limits(.interactive), mutantLimit: max(0, mutants),
            jobs: ProcessInfo.processInfo.activeProcessorCount)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workshop-scenario-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let count = theirs.scenarios.count
        if !json { out.line(out.styled("scenario · \(session.title(of: lesson)) · \(count) of yours in \(relative)", .heading)) }
        let verdicts = try reviewer.review(theirs.scenarios, of: lesson, scratch: scratch) { step in
            if !json { out.line(out.styled("trying them on \(step)…", .dim)) }
        }
        if json { return try session.json(verdicts) }
        for verdict in verdicts { render(verdict, out: out) }
        let good = verdicts.filter(\.isGood).count
        out.line()
        out.line(
            good == verdicts.count
                ? out.styled("✓ every scenario of yours holds and catches a mistake", .success)
                : "\(good) of \(verdicts.count) scenarios hold and catch a mistake")
        if good < verdicts.count { throw ExitCode.failure }
    }

    private func render(_ verdict: ScenarioVerdict, out: Output) {
        if let failure = verdict.referenceFails {
            out.paragraph(out.styled("  ✗ ", .failure) + verdict.name, hanging: "    ")
            out.paragraph(
                out.styled("the course's reference fails it: ", .failure) + failure
                    + " · it expects something the lesson's rules do not say: look again at the given events and the outcome",
                indent: "    ", hanging: "    ")
        } else if verdict.catches == 0 {
            out.paragraph(out.styled("  ~ ", .warning) + verdict.name, hanging: "    ")
            out.paragraph(
                "holds for the reference, but catches none of \(verdict.mistakesTried) mistakes: wrong code passes it too."
                    + " Aim it at a rule this lesson adds, or at an edge of one.",
                indent: "    ", hanging: "    ")
        } else {
            let named =
                verdict.wrongSolutionsCaught.isEmpty ? "" : " (among them: " + verdict.wrongSolutionsCaught.joined(separator: ", ") + ")"
            out.paragraph(out.styled("  ✓ ", .success) + verdict.name, hanging: "    ")
            out.paragraph(
                out.styled("holds for the reference and catches \(verdict.catches) of \(verdict.mistakesTried) mistakes\(named)", .dim),
                indent: "    ", hanging: "    ")
        }
    }

    /// A starting file: the format in a comment, the questions the lesson can ask, and one of the
    /// course's scenarios in JSON (valid YAML), to be changed into the learner's own.
    static func template(for lesson: Lesson, suite: Suite) -> String {
        var lines = [
            "# Your own scenarios for lesson \(Session.number(lesson)) · \(lesson.title), in the format of the course's suites.",
            "# `scenario` runs each on the course's reference (it must hold) and on plausible mistakes (the lesson's",
            "# wrong solutions and mutants of the reference): a good scenario fails for at least one of them.",
            "# The questions this lesson can ask under `when:`: "
                + Array(Set(suite.scenarios.map(\.when.driver))).sorted().joined(separator: ", ") + ".",
            "# `then:` expects one of: events (a list), error (a case name), state, or value.",
            "scenarios:",
        ]
        if let example = suite.scenarios.first(where: { $0.visibility == .visible }) ?? suite.scenarios.first {
            lines.append("  - name: \(JSONValue.string(example.name + " (the course's; make it yours)").json)")
            if !example.given.isEmpty {
                lines.append("    given:")
                lines += example.given.map { "      - \($0.json)" }
            }
            lines.append("    when:")
            lines.append("      \(example.when.driver): \(example.when.input.json)")
            lines.append("    then:")
            switch example.then {
            case .events(let events): lines.append("      events: \(JSONValue.array(events).json)")
            case .error(let error): lines.append("      error: \(JSONValue.string(error).json)")
            case .state(let state): lines.append("      state: \(state.json)")
            case .value(let value): lines.append("      value: \(value.json)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
