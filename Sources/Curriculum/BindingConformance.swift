import Foundation
import Yams

/// What a lesson's files ask of its binding, as YAML nodes that know their lines: the suite's
/// scenarios and the `commands.yaml`'s commands, states, reactions and views.
struct LessonContract {
    var suite: Node?
    var commands: DomainCommandsFile.Contents?
}

// A suite or a `commands.yaml` that names a driver the binding lacks, or a case the lesson's
// types lack, would otherwise be found only when a reference runs in lint, as a host's decoding
// error; here it is named with its file, line and the nearest name when the pack loads.
extension CoursePackLoader {
    static let commandSections = ["commands", "states", "reactions", "views"]

    /// Every driver named in the lesson's suite and `commands.yaml` is one its binding offers;
    /// loaded for its authors (the suites with the pack), every event and command is also checked
    /// against the types of the lesson's reference and binding.
    func checkAgainstBinding(_ lesson: Lesson, in course: Course) -> [PackProblem] {
        guard let contract = contracts[lesson.id], let bindingFile = lesson.bindingFile,
            let source = try? String(contentsOf: bindingFile, encoding: .utf8)
        else { return [] }
        var sources = [source]
        if suites == .withThePack, let reference = try? course.composedReference(of: lesson) {
            sources += reference.texts.filter { $0.key.hasSuffix(".swift") }.sorted { $0.key < $1.key }.map(\.value)
        }
        let declarations = SwiftDeclarations(sources: sources)
        let binding = BindingDrivers(source: source, declarations: declarations)
        // A binding written in a way the scanner cannot read is left to the compiler, in lint.
        guard !binding.drivers.isEmpty else { return [] }
        var problems: [PackProblem] = []

        func driver(named name: String, at node: Node, in file: String) -> BindingDrivers.Driver? {
            if let found = binding.driver(name) { return found }
            problems.append(
                PackProblem(
                    file: file, line: node.mark?.line,
                    "'\(name)' is not a driver of \(lesson.id)/\(Self.bindingFile)\(LessonTypeCheck.didYouMean(name, among: binding.names))"
                        + " (it offers: \(binding.names.joined(separator: ", ")))"))
            return nil
        }

        if let root = contract.commands?.root {
            let file = "\(lesson.id)/commands.yaml"
            var types = LessonTypeCheck(declarations: declarations, file: file)
            for section in Self.commandSections {
                for item in root.mapping?[section]?.sequence ?? [] {
                    let driverNode = item.mapping?["driver"]
                    guard let name = driverNode?.string ?? (section == "commands" ? "decide" : nil),
                        let found = driver(named: name, at: driverNode ?? item, in: file)
                    else { continue }
                    if section == "commands", let template = item.mapping?["command"], let input = found.input {
                        types.check(template, as: input, what: "the command")
                    }
                    if section == "reactions", let clock = item.mapping?["clock"], let name = clock.string {
                        _ = driver(named: name, at: clock, in: file)
                    }
                }
            }
            problems += types.problems
        }

        if let root = contract.suite {
            let file = "\(lesson.id)/\(Self.suiteFile)"
            var types = LessonTypeCheck(declarations: declarations, file: file)
            let errorCases = declarations.errorCases
            for scenario in root.mapping?["scenarios"]?.sequence ?? [] {
                guard let mapping = scenario.mapping, let (driverNode, input) = mapping["when"]?.mapping?.first,
                    let name = driverNode.string, let found = driver(named: name, at: driverNode, in: file)
                else { continue }
                if let type = found.input { types.check(input, as: type, what: "the input of '\(name)'") }
                guard let event = found.event else { continue }
                for given in mapping["given"]?.sequence ?? [] { types.check(given, as: event, what: "a given event") }
                guard let then = mapping["then"]?.mapping else { continue }
                for expected in then["events"]?.sequence ?? [] { types.check(expected, as: event, what: "an expected event") }
                if let errorNode = then["error"], let error = errorNode.string, !errorCases.isEmpty,
                    error.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !errorCases.contains(error)
                {
                    problems.append(
                        PackProblem(
                            file: file, line: errorNode.mark?.line,
                            "'\(error)' is not a case of the lesson's errors\(LessonTypeCheck.didYouMean(error, among: errorCases))"))
                }
            }
            problems += types.problems
        }
        return problems
    }
}
