import Checking
import Curriculum
import Foundation

/// What one of a learner's own scenarios is worth: whether the course's reference keeps it, and
/// how many plausible mistakes (the lesson's wrong solutions and mutants of its reference) it
/// catches. The same two questions the lint asks of every scenario an author writes.
public struct ScenarioVerdict: Codable, Sendable, Equatable {
    public var name: String
    /// nil when the reference keeps the scenario; otherwise what went wrong, in the check's words.
    public var referenceFails: String?
    /// The wrong solutions it caught, by name (their names describe the mistake, never the code).
    public var wrongSolutionsCaught: [String]
    /// How many mutants of the reference it caught, of `mutantsTried`. Mutants are counted, never
    /// shown: their description would show the reference's code.
    public var mutantsCaught: Int
    public var mistakesTried: Int

    public var catches: Int { wrongSolutionsCaught.count + mutantsCaught }
    /// A scenario worth keeping: it holds for the reference and fails for at least one mistake.
    public var isGood: Bool { referenceFails == nil && catches > 0 }
}

extension PackLinter {
    /// Runs `scenarios` (a learner's, in the suite's format) against the lesson's composed
    /// reference, its wrong solutions and a sample of `mutantLimit` mutants of what it adds.
    public func review(
        _ scenarios: [Scenario], of lesson: Lesson, scratch: URL, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> [ScenarioVerdict] {
        guard let suite = try course.suite(of: lesson), let binding = lesson.bindingFile, let module = lesson.module else {
            throw ScenarioReviewError.nothingToRunOn(lesson.id)
        }
        // The lesson's timeout and the words its questions read in; the scenarios are the learner's.
        var theirs = suite
        theirs.scenarios = scenarios
        let composed = try course.composedReference(of: lesson)
        let folder = scratch.appendingPathComponent(lesson.id)
        _ = try builder.kit()
        progress("the course's reference")
        guard
            let onReference = try run(
                lesson, suite: theirs, module: module, binding: binding, workspace: folder.appendingPathComponent("reference"),
                files: composed.texts
            ).report
        else { throw ScenarioReviewError.referenceDoesNotCompile(lesson.id) }
        var verdicts = onReference.scenarios.map { result in
            ScenarioVerdict(
                name: result.name, referenceFails: result.status == .pass ? nil : result.message, wrongSolutionsCaught: [],
                mutantsCaught: 0, mistakesTried: 0)
        }
        func index(of name: String) -> Int? { verdicts.firstIndex { $0.name == name } }
        var tried = 0
        let wrongNames = course.wrongSolutionNames(of: lesson)
        if !wrongNames.isEmpty { progress("\(wrongNames.count) wrong solution\(wrongNames.count == 1 ? "" : "s")") }
        for name in wrongNames {
            let files = try course.composedReference(of: lesson, wrong: name).texts
            guard
                let report = try run(
                    lesson, suite: theirs, module: module, binding: binding, workspace: folder.appendingPathComponent("wrong"),
                    files: files
                ).report
            else { continue }
            tried += 1
            for result in report.scenarios where result.status != .pass {
                index(of: result.name).map { verdicts[$0].wrongSolutionsCaught.append(name) }
            }
        }
        let mutants = MutationGenerator.sample(Self.mutations(of: composed), limit: mutantLimit)
        if !mutants.isEmpty { progress("\(mutants.count) mutants of the reference") }
        for failed in try runMutants(
            mutants, of: composed.texts, lesson: lesson, suite: theirs, module: module, binding: binding, folder: folder)
        {
            guard let failed else { continue }  // a mutant that does not compile is no mistake a scenario could catch
            tried += 1
            for name in failed { index(of: name).map { verdicts[$0].mutantsCaught += 1 } }
        }
        for position in verdicts.indices { verdicts[position].mistakesTried = tried }
        return verdicts
    }
}

public enum ScenarioReviewError: Error, CustomStringConvertible {
    case nothingToRunOn(String)
    case referenceDoesNotCompile(String)

    public var description: String {
        switch self {
        case .nothingToRunOn(let lesson): "lesson '\(lesson)' has no suite and binding, so there is nothing to run scenarios on"
        case .referenceDoesNotCompile(let lesson):
            "the course's reference of '\(lesson)' does not compile here; `workshop lint` shows why (a problem of the course, not yours)"
        }
    }
}
