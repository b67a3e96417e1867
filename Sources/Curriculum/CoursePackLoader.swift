import Foundation
import Yams

/// Loads and validates a lesson pack: `course.yaml` plus one folder per lesson.
///
/// Every problem in the pack is collected and reported together, each with its file and line,
/// so an author fixes them in one pass; nothing in a broken pack can crash the tool.
public struct CoursePackLoader {
    public static let courseFile = "course.yaml"
    public static let lessonFile = "lesson.md"
    public static let hintsFile = "hints.md"
    public static let suiteFile = "suite.yaml"
    public static let bindingFile = "binding.swift"
    public static let starterFolder = "starter"

    static let courseKeys = ["title", "days"]
    static let dayKeys = ["title", "starts", "optional", "schedule"]
    static let frontMatterKeys = ["id", "title", "duration", "objectives", "prerequisites"]

    /// Whether the hidden suites are parsed and validated with the rest of the pack.
    ///
    /// Parsing all fourteen suites of this course takes about 75 ms of CPU in a debug build, three
    /// times the rest of the pack's load (BENCHMARKS.md), so the learner's commands read a lesson's
    /// suite when they need it (`Course.suite(of:)`), while the authors' (`lint`, `grade`) load
    /// them with the pack, so one load reports every problem, suites included.
    public enum Suites: Sendable {
        /// Each suite is read and validated when first asked for.
        case onDemand
        /// Every suite is read and validated now; its problems are reported with the pack's.
        case withThePack
    }

    let folder: URL
    let solutionsFolder: URL
    let suites: Suites
    private var problems: [PackProblem] = []
    private var pictures: [String: GridPicture] = [:]
    private let files = FileManager.default

    /// - Parameters:
    ///   - folder: the pack (`lessons/`).
    ///   - solutionsFolder: reference solutions; by default `solutions/` beside the pack.
    public init(folder: URL, solutionsFolder: URL? = nil, suites: Suites = .onDemand) {
        self.folder = folder.standardizedFileURL
        self.suites = suites
        self.solutionsFolder =
            solutionsFolder ?? folder.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("solutions")
    }

    /// The course, or every problem found in the pack.
    public static func load(from folder: URL, solutionsFolder: URL? = nil, suites: Suites = .onDemand) throws(PackValidationError)
        -> Course
    {
        var loader = CoursePackLoader(folder: folder, solutionsFolder: solutionsFolder, suites: suites)
        return try loader.load()
    }

    mutating func load() throws(PackValidationError) -> Course {
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw PackValidationError(
                folder: folder.path,
                problems: [
                    PackProblem(file: folder.lastPathComponent, "no lesson pack here; run from the repository's folder or pass --pack DIR")
                ])
        }
        let (title, days) = readCourseFile()
        pictures = readPictures()
        var lessons: [Lesson] = []
        var seen: Set<String> = []
        for day in days {
            for id in day.lessonIds {
                guard seen.insert(id).inserted else {
                    problems.append(PackProblem(file: Self.courseFile, "lesson '\(id)' is scheduled twice; keep one"))
                    continue
                }
                if let lesson = readLesson(id: id, number: lessons.count + 1) { lessons.append(lesson) }
            }
        }
        reportUnscheduledFolders(scheduled: seen)
        checkPrerequisites(lessons, scheduled: days.flatMap(\.lessonIds))
        let unchecked = Course(
            title: title ?? "", days: days, lessons: lessons, pictures: pictures, folder: folder, solutionsFolder: solutionsFolder)
        for lesson in lessons { problems += checkAgainstBinding(lesson, in: unchecked) }
        guard problems.isEmpty else { throw PackValidationError(folder: folder.path, problems: problems) }
        let durations = Dictionary(uniqueKeysWithValues: lessons.map { ($0.id, $0.duration) })
        let timed = days.map { day in
            var day = day
            day.schedule = day.schedule.map { slot in
                if case .lesson(let id, 0) = slot { return .lesson(id: id, minutes: durations[id] ?? 0) }
                return slot
            }
            return day
        }
        return Course(
            title: title ?? "", days: timed, lessons: lessons, pictures: pictures, folder: folder, solutionsFolder: solutionsFolder)
    }

    // MARK: The pictures

    private mutating func readPictures() -> [String: GridPicture] {
        guard files.fileExists(atPath: folder.appendingPathComponent(PicturesFile.file).path),
            let root = parseYAML(file: PicturesFile.file, text: readText(PicturesFile.file))
        else { return [:] }
        let (pictures, found) = PicturesFile.parse(root)
        problems += found
        return pictures
    }

    // MARK: The course file

    private mutating func readCourseFile() -> (String?, [CourseDay]) {
        guard let root = parseYAML(file: Self.courseFile, text: readText(Self.courseFile)) else { return (nil, []) }
        var fields = YAMLFields(file: Self.courseFile, node: root)
        guard root.mapping != nil else {
            problems.append(PackProblem(file: Self.courseFile, line: 1, "should be a mapping with 'title' and 'days'"))
            return (nil, [])
        }
        fields.rejectUnknownKeys(Self.courseKeys)
        let title = fields.string("title")
        var days: [CourseDay] = []
        if let daysNode = fields.value("days") {
            if let items = daysNode.sequence, !items.isEmpty {
                for dayNode in items {
                    guard let day = readDay(dayNode) else { continue }
                    // Lessons are numbered in course order: lessons for when time allows come last.
                    if !day.isOptional, days.contains(where: \.isOptional) {
                        fields.problem(
                            "the day '\(day.title)' comes after an optional day; put optional days last", at: dayNode)
                    }
                    days.append(day)
                }
            } else {
                fields.problem("'days' should be a list of days, each with a 'title' and a 'schedule'", at: daysNode)
            }
        } else {
            fields.problem("missing 'days'; add a list of days, each with a 'title' and a 'schedule'")
        }
        problems += fields.problems
        return (title, days)
    }

    private mutating func readDay(_ node: Node) -> CourseDay? {
        var fields = YAMLFields(file: Self.courseFile, node: node)
        guard node.mapping != nil else {
            fields.problem("each day should be a mapping with 'title' and 'schedule'", at: node)
            problems += fields.problems
            return nil
        }
        fields.rejectUnknownKeys(Self.dayKeys)
        let title = fields.string("title")
        var startsAt: Int?
        if let starts = fields.string("starts", required: false) {
            startsAt = Self.minutes(fromClock: starts)
            if startsAt == nil {
                fields.problem("'starts' should be a time such as \"09:00\", not '\(starts)'", at: fields.value("starts"))
            }
        }
        let optional = fields.bool("optional", required: false) ?? false
        if optional, startsAt != nil {
            fields.problem("an optional day keeps no clock; remove 'starts' (or 'optional')", at: fields.value("starts"))
        }
        var schedule: [AgendaItem] = []
        if let items = fields.value("schedule")?.sequence, !items.isEmpty {
            for item in items { if let slot = readSlot(item, fields: &fields) { schedule.append(slot) } }
        } else {
            fields.problem(
                "each day needs a 'schedule': a list of '- lesson: ID' and '- break: TITLE' entries", at: fields.value("schedule"))
        }
        problems += fields.problems
        guard let title else { return nil }
        return CourseDay(title: title, startsAt: startsAt, isOptional: optional, schedule: schedule)
    }

    private mutating func readSlot(_ node: Node, fields day: inout YAMLFields) -> AgendaItem? {
        var slot = YAMLFields(file: Self.courseFile, node: node)
        defer { problems += slot.problems }
        if slot.value("lesson") != nil {
            slot.rejectUnknownKeys(["lesson", "minutes"])
            guard let id = slot.string("lesson") else { return nil }
            let minutes = slot.positiveInt("minutes", required: false)
            lessonLines[id] = slot.line
            // A lesson's time box defaults to the duration in its front matter (filled in later).
            return .lesson(id: id, minutes: minutes ?? 0)
        }
        if slot.value("break") != nil {
            slot.rejectUnknownKeys(["break", "minutes"])
            guard let title = slot.string("break"), let minutes = slot.positiveInt("minutes") else { return nil }
            return .pause(title: title, minutes: minutes)
        }
        if slot.value("debrief") != nil {
            slot.rejectUnknownKeys(["debrief", "minutes"])
            guard let title = slot.string("debrief"), let minutes = slot.positiveInt("minutes") else { return nil }
            return .debrief(title: title, minutes: minutes)
        }
        day.problem(
            "each schedule entry should be '- lesson: ID', or '- break: TITLE' or '- debrief: TITLE' with 'minutes: N'", at: node)
        return nil
    }

    private var lessonLines: [String: Int?] = [:]
    /// What each lesson's suite and commands say, as YAML, to check against its binding and types.
    var contracts: [String: LessonContract] = [:]

    static func minutes(fromClock text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }

    // MARK: Lessons

    private mutating func readLesson(id: String, number: Int) -> Lesson? {
        let lessonFolder = folder.appendingPathComponent(id)
        let textPath = "\(id)/\(Self.lessonFile)"
        guard files.fileExists(atPath: lessonFolder.path) else {
            problems.append(
                PackProblem(
                    file: Self.courseFile, line: lessonLines[id] ?? nil,
                    "lesson '\(id)' has no folder; create \(id)/ with \(Self.lessonFile), \(Self.hintsFile) and \(Self.starterFolder)/"))
            return nil
        }
        guard let source = readText(textPath) else { return nil }
        guard let (frontMatter, body) = splitFrontMatter(source, file: textPath),
            let node = parseYAML(file: textPath, text: frontMatter, lineOffset: 1)
        else { return nil }
        var fields = YAMLFields(file: textPath, node: node, lineOffset: 1)
        fields.rejectUnknownKeys(Self.frontMatterKeys)
        let declaredId = fields.string("id")
        if let declaredId, declaredId != id {
            fields.problem("'id' is '\(declaredId)' but the folder is '\(id)'; make them the same", at: fields.value("id"))
        }
        let title = fields.string("title")
        let duration = fields.positiveInt("duration")
        let objectives = fields.strings("objectives")
        if fields.value("objectives") != nil, objectives.isEmpty {
            fields.problem("'objectives' should name at least one thing the learner will be able to do", at: fields.value("objectives"))
        }
        let prerequisites = fields.strings("prerequisites", required: false)
        problems += fields.problems
        let hints = readHints(lessonId: id)
        let starter = starterFiles(lessonId: id)
        let suite = lessonFolder.appendingPathComponent(Self.suiteFile)
        let binding = lessonFolder.appendingPathComponent(Self.bindingFile)
        let hasSuite = files.fileExists(atPath: suite.path), hasBinding = files.fileExists(atPath: binding.path)
        if hasSuite != hasBinding {
            problems.append(
                PackProblem(
                    file: "\(id)/\(hasSuite ? Self.bindingFile : Self.suiteFile)",
                    hasSuite
                        ? "is missing: a suite needs a binding that tells the host how to call the learner's code"
                        : "is missing: a binding without a suite has nothing to check"))
        }
        // Loaded with the pack, a suite's problems are reported with every other, by file and line.
        var loadedSuite: Suite?
        let suitePath = "\(id)/\(Self.suiteFile)"
        if suites == .withThePack, hasSuite, let text = readText(suitePath) {
            do {
                let root = try SuiteLoader.compose(text, displayName: suitePath)
                contracts[id, default: LessonContract()].suite = root
                loadedSuite = try SuiteLoader.parse(root, displayName: suitePath)
            } catch { problems += error.problems }
        }
        var commands: [DomainCommand] = []
        var stateViews: [StateView] = []
        var reactions: [Reaction] = []
        var readModels: [ReadModelView] = []
        let commandsPath = "\(id)/commands.yaml"
        if files.fileExists(atPath: folder.appendingPathComponent(commandsPath).path), let text = readText(commandsPath) {
            let contents = DomainCommandsFile.parse(text, file: commandsPath, lesson: id, pictures: pictures)
            commands = contents.commands
            stateViews = contents.states
            reactions = contents.reactions
            readModels = contents.views
            problems += contents.problems
            contracts[id, default: LessonContract()].commands = contents
            if !commands.isEmpty || !reactions.isEmpty || !readModels.isEmpty, !hasBinding {
                problems.append(
                    PackProblem(
                        file: commandsPath,
                        "domain commands need the lesson's binding.swift (with a 'decide' driver) to reach the learner's code"))
            }
        }
        guard let title, let duration, fields.problems.isEmpty else { return nil }
        return Lesson(
            number: number, id: id, title: title, duration: duration, objectives: objectives,
            prerequisites: prerequisites, text: body, hints: hints, starterFiles: starter, folder: lessonFolder,
            suiteFile: hasSuite ? suite : nil, loadedSuite: loadedSuite, bindingFile: hasBinding ? binding : nil, commands: commands,
            stateViews: stateViews, reactions: reactions, readModels: readModels)
    }

    /// Splits `---`-fenced front matter from the Markdown body.
    private mutating func splitFrontMatter(_ source: String, file: String) -> (String, String)? {
        let lines = source.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            problems.append(
                PackProblem(
                    file: file, line: 1, "should start with front matter: a '---' line, then id, title, duration, objectives, then '---'"))
            return nil
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            problems.append(PackProblem(file: file, line: 1, "the front matter is never closed; add a '---' line after it"))
            return nil
        }
        let frontMatter = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .newlines)
        return (frontMatter, body)
    }

    private mutating func readHints(lessonId: String) -> [Hint] {
        let path = "\(lessonId)/\(Self.hintsFile)"
        guard let text = readText(path) else { return [] }
        let hints = HintsDocument.parse(text)
        if hints.isEmpty {
            problems.append(
                PackProblem(file: path, "has no hints; start each tier with a '## ' heading (a nudge, an approach, nearly the answer)"))
        }
        for (index, hint) in hints.enumerated() where hint.text.isEmpty {
            problems.append(PackProblem(file: path, "hint \(index + 1) ('\(hint.title)') has no text under its heading"))
        }
        return hints
    }

    private mutating func starterFiles(lessonId: String) -> [String] {
        let starter = folder.appendingPathComponent(lessonId).appendingPathComponent(Self.starterFolder)
        // On Linux, Foundation enumerates a missing folder as an empty one instead of answering nil.
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: starter.path, isDirectory: &isFolder), isFolder.boolValue,
            let enumerator = files.enumerator(at: starter, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            problems.append(
                PackProblem(
                    file: "\(lessonId)/\(Self.starterFolder)/",
                    "is missing; add the files the learner starts from (they mirror the workspace, e.g. Sources/<Module>/<File>.swift)"))
            return []
        }
        var paths: [String] = []
        let base = starter.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }

    private mutating func reportUnscheduledFolders(scheduled: Set<String>) {
        let entries = (try? files.contentsOfDirectory(atPath: folder.path)) ?? []
        for entry in entries.sorted() where !scheduled.contains(entry) {
            let lessonText = folder.appendingPathComponent(entry).appendingPathComponent(Self.lessonFile)
            if files.fileExists(atPath: lessonText.path) {
                problems.append(
                    PackProblem(
                        file: Self.courseFile,
                        "lesson folder '\(entry)/' is not scheduled; add '- lesson: \(entry)' to a day, or remove the folder"))
            }
        }
    }

    /// Checks against the schedule, not the lessons that loaded, so one broken lesson does not
    /// make every later lesson's prerequisites look wrong too.
    private mutating func checkPrerequisites(_ lessons: [Lesson], scheduled: [String]) {
        let all = Set(scheduled)
        for lesson in lessons {
            let earlier = Set(scheduled.prefix { $0 != lesson.id })
            for prerequisite in lesson.prerequisites where !earlier.contains(prerequisite) {
                let file = "\(lesson.id)/\(Self.lessonFile)"
                if all.contains(prerequisite) {
                    problems.append(
                        PackProblem(file: file, "prerequisite '\(prerequisite)' comes after this lesson in course.yaml; move it earlier"))
                } else {
                    let hint = Suggestion.closest(to: prerequisite, among: Array(all)).map { "; did you mean '\($0)'?" } ?? ""
                    problems.append(PackProblem(file: file, "prerequisite '\(prerequisite)' is not a lesson of this course\(hint)"))
                }
            }
        }
    }

    // MARK: Files

    private mutating func readText(_ relativePath: String) -> String? {
        let url = folder.appendingPathComponent(relativePath)
        guard let data = files.contents(atPath: url.path) else {
            problems.append(PackProblem(file: relativePath, "is missing or unreadable"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append(PackProblem(file: relativePath, "is not UTF-8 text; save it as UTF-8"))
            return nil
        }
        return text
    }

    private mutating func parseYAML(file: String, text: String?, lineOffset: Int = 0) -> Node? {
        guard let text else { return nil }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problems.append(PackProblem(file: file, line: 1 + lineOffset, "is empty"))
                return nil
            }
            return node
        } catch let error as YamlError {
            problems.append(Self.problem(from: error, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            problems.append(PackProblem(file: file, "cannot be read as YAML: \(error)"))
            return nil
        }
    }

    /// A YAML syntax error as a problem with its line.
    public static func problem(from error: YamlError, file: String, lineOffset: Int) -> PackProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return PackProblem(file: file, line: mark.line + lineOffset, "is not valid YAML: \(problem)")
        case .composer(_, let problem, let mark, _):
            return PackProblem(file: file, line: mark.line + lineOffset, "is not valid YAML: \(problem)")
        default:
            return PackProblem(file: file, "is not valid YAML: \(error)")
        }
    }
}
