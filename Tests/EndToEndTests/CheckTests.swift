import Foundation
import TestSupport
import Testing

/// `check` on the real course: references pass, starters fail, and learner code that misbehaves in
/// every way gets a verdict while the tool stays up.
@Suite("Checking learner code against hidden suites", .serialized)
struct CheckTests {
    let folder = TemporaryFolder()
    var workspace: URL { folder.url.appendingPathComponent("ws") }
    static let root = WorkshopProcess.repositoryRoot
    /// Shared by the tests so the kit is built once per run.
    static let cache = root.appendingPathComponent(".build/workshop-test-cache").path

    func run(_ arguments: [String], input: String? = nil) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            ["--workspace", workspace.path] + arguments, input: input,
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]))
    }

    /// Writes a lesson's reference solution, as the pack composes it, into the workspace.
    func installReference(_ lesson: String) throws {
        try ReferenceCode.install(lesson, into: folder, under: "ws/")
    }

    /// Copies a folder of the repository (a lesson's starter) into the workspace.
    func install(_ source: String) throws {
        let from = Self.root.appendingPathComponent(source)
        let enumerator = FileManager.default.enumerator(at: from, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(from.standardizedFileURL.path.count + 1))
            folder.write("ws/" + relative, try String(contentsOf: file, encoding: .utf8))
        }
    }

    func report(_ lesson: String) throws -> (status: Int32, json: [String: Any]) {
        let result = try run(["check", lesson, "--json"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)\(result.errors)")
        return (result.status, json)
    }

    func statuses(_ json: [String: Any]) -> [String: String] {
        let scenarios = json["scenarios"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: scenarios.map { ($0["name"] as? String ?? "", $0["status"] as? String ?? "") })
    }

    static let lessonsWithSuites = ["events-are-facts", "deciding"]

    @Test("every reference solution passes all of its scenarios", arguments: lessonsWithSuites)
    func referencePasses(lesson: String) throws {
        try installReference("\(lesson)")
        let (status, json) = try report(lesson)
        #expect(status == 0)
        #expect(json["passed"] as? Int == json["total"] as? Int)
        #expect((json["total"] as? Int ?? 0) >= 6)
        #expect(json["score"] as? Int == json["maxScore"] as? Int)
        let progress = try run(["progress", "--json"])
        #expect(progress.output.contains("\"status\" : \"completed\""))
    }

    @Test("every starter compiles and fails at least one scenario", arguments: lessonsWithSuites)
    func starterFails(lesson: String) throws {
        let index = try #require(Self.lessonsWithSuites.firstIndex(of: lesson))
        if index > 0 { try installReference("\(Self.lessonsWithSuites[index - 1])") }
        try install("lessons/\(lesson)/starter")
        let (status, json) = try report(lesson)
        #expect(status == 1)
        #expect(json["compileErrors"] == nil, "the starter must compile")
        #expect((json["passed"] as? Int ?? 0) < (json["total"] as? Int ?? 0))
    }

    /// A `Decide.swift` for the deciding lesson whose start behaves as given.
    func decide(_ body: String, extra: String = "") throws {
        try installReference("events-are-facts")
        let decide = try String(
            contentsOf: Self.root.appendingPathComponent("lessons/deciding/starter/Sources/ConnectFour/Decide.swift"), encoding: .utf8)
        let replaced = decide.replacingOccurrences(
            of: "    case .startGame:\n", with: "    case .startGame(let playerOne, let playerTwo):\n"
        ).replacingOccurrences(
            of:
                "        // TODO: refuse a start that breaks one of the lesson's three rules (in their order);\n        // otherwise answer with the fact that the game started.\n        return []",
            with: body)
        #expect(replaced != decide, "the starter's TODO moved; update this test")
        folder.write("ws/Sources/ConnectFour/Decide.swift", replaced + extra)
    }

    @Test("an endless loop times out, and the next scenario still runs")
    func endlessLoop() throws {
        try decide(
            "        if events.isEmpty, playerOne == \"alice\", playerTwo == \"bob\" { while true {} }\n        throw GameError.alreadyStarted"
        )
        let (status, json) = try report("deciding")
        #expect(status == 1)
        let verdicts = statuses(json)
        #expect(verdicts["starting a new game records who plays"] == "timeout")
        #expect(verdicts["a game cannot be started twice"] == "pass")
    }

    @Test("fatalError crashes with the learner's own message; the host restarts")
    func fatalErrorCrash() throws {
        try decide("        if events.isEmpty { fatalError(\"not written yet\") }\n        throw GameError.alreadyStarted")
        let (_, json) = try report("deciding")
        let scenarios = json["scenarios"] as? [[String: Any]] ?? []
        let first = try #require(scenarios.first)
        #expect(first["status"] as? String == "crash")
        #expect((first["message"] as? String)?.contains("not written yet") == true)
        #expect(statuses(json)["a started game refuses a start even after moves"] == "pass")
    }

    @Test("a nil force-unwrap and a stack overflow are crashes")
    func unwrapAndRecursion() throws {
        try decide(
            "        if events.isEmpty { let name: String? = nil; return [.gameStarted(playerOne: name!, playerTwo: \"x\")] }\n        return forever(events.count)",
            extra: "\nfunc forever(_ n: Int) -> [GameEvent] { forever(n + 1) + [] }\n")
        let (_, json) = try report("deciding")
        let scenarios = json["scenarios"] as? [[String: Any]] ?? []
        #expect(scenarios.first?["status"] as? String == "crash")
        #expect((scenarios.first?["message"] as? String)?.contains("Unexpectedly found nil") == true)
        #expect(statuses(json)["a game cannot be started twice"] == "crash")
    }

    @Test("gigabytes of printing are cut off: the scenario times out and the output shown is capped")
    func printLoop() throws {
        try decide(
            "        if playerOne == \"alice\", playerTwo == \"bob\" { while true { print(String(repeating: \"spam \", count: 1000)) } }\n        return []"
        )
        let result = try run(["check", "deciding", "--json"])
        #expect(result.status == 1)
        #expect(result.output.count < 2_000_000, "the report must not carry the flood")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let first = try #require((json["scenarios"] as? [[String: Any]])?.first)
        #expect(first["status"] as? String == "timeout")
        #expect((first["output"] as? String)?.contains("more bytes of output, not shown") == true)
    }

    @Test("a compile error is shown as the compiler wrote it, with the workspace's own paths")
    func compileError() throws {
        try decide("        return [.gameStarted(playerOne: playerOne, playerTwo: 42)]")
        let result = try run(["check", "deciding"])
        #expect(result.status == 1)
        #expect(result.output.contains("Your code does not compile"))
        #expect(result.output.contains("Sources/ConnectFour/Decide.swift:"))
        #expect(!result.output.contains(Self.root.path + "/lessons"), "the binding's path is never shown")
    }

    @Test("a function the lesson needs but the code lacks is named")
    func missingFunction() throws {
        try installReference("events-are-facts")
        folder.write(
            "ws/Sources/ConnectFour/Decide.swift", "enum GameCommand: Codable { case startGame(playerOne: String, playerTwo: String) }\n")
        let result = try run(["check", "deciding"])
        #expect(result.status == 1)
        #expect(result.output.contains("Your code does not define `decide`, which this lesson needs"))
    }

    @Test("an event with its players swapped fails with the first difference marked")
    func wrongOrder() throws {
        try decide("        return [.gameStarted(playerOne: playerTwo, playerTwo: playerOne)]")
        let (_, json) = try report("deciding")
        let first = try #require((json["scenarios"] as? [[String: Any]])?.first)
        #expect(first["status"] as? String == "fail")
        #expect(first["difference"] as? String == "events[0].gameStarted.playerOne: expected \"alice\", got \"bob\"")
        #expect((first["feedback"] as? String)?.hasPrefix("With no history, a start is accepted") == true)
        #expect(first["given"] as? String == "no events")
        #expect(first["when"] as? String == "StartGame(playerOne: alice, playerTwo: bob)")
    }

    @Test("an event the code added is shown with its fields in the order its type declares them")
    func declaredOrder() throws {
        try decide(
            "        return [.gameStarted(playerOne: playerOne, playerTwo: playerTwo), .moveMade(player: playerOne, column: .D, row: 1)]")
        let (_, json) = try report("deciding")
        let first = try #require((json["scenarios"] as? [[String: Any]])?.first)
        #expect(first["difference"] as? String == "events: 1 more than expected, from [1]: MoveMade(player: alice, column: D, row: 1)")
    }

    @Test("the shell stays up after a crashing check and answers the next command")
    func shellSurvives() throws {
        try decide("        fatalError(\"boom\")")
        let result = try run([], input: "check deciding\nlessons\n")
        #expect(result.status == 1)
        #expect(result.output.contains("your code crashed: "))
        #expect(result.output.contains("workshop> lessons"))
        #expect(result.output.contains("events-are-facts"))
    }

    @Test("an unchanged workspace is not compiled again")
    func unchangedWorkspace() throws {
        try installReference("events-are-facts")
        _ = try run(["check", "1"])
        let second = try report("1")
        #expect(second.json["reusedBuild"] as? Bool == true)
    }

    @Test("catch-up installs earlier references, sets the learner's own files aside and records the skips")
    func catchUp() throws {
        _ = try run(["start", "1"])
        folder.write("ws/Sources/ConnectFour/Events.swift", "// my own attempt\n")
        let result = try run(["catch-up", "2"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("lesson 01 · Events are facts: reference installed"))
        #expect(!result.output.contains("not completed yet"))
        #expect(result.output.contains("replaced your Sources/ConnectFour/Events.swift with this lesson's reference"))
        let asideFolder = workspace.appendingPathComponent(".workshop/set-aside")
        let kept = try #require(
            FileManager.default.enumerator(at: asideFolder, includingPropertiesForKeys: nil)?.allObjects.compactMap { $0 as? URL }.first {
                $0.lastPathComponent == "Events.swift"
            })
        #expect(try String(contentsOf: kept, encoding: .utf8) == "// my own attempt\n")
        #expect(folder.read("ws/Sources/ConnectFour/Events.swift")?.contains("case gameDrawn") == true)
        let progress = try run(["progress", "--json"]).output
        #expect(progress.contains("\"status\" : \"skipped\""))
        #expect(progress.contains("\"status\" : \"in progress\""))
    }

    @Test("the reference opens after a pass, after a skip, or for an instructor; a skipped lesson earns no completion")
    func solutionGate() throws {
        try installReference("events-are-facts")
        _ = try run(["start", "2"])
        let closed = try run(["solution", "2"])
        #expect(closed.status != 0)
        #expect(closed.errors.contains("opens once your code passes `check`"))
        let before = try run(["events", "--json"]).output.components(separatedBy: "\"type\"").count
        let instructor = try run(["solution", "2", "--instructor"])
        #expect(instructor.output.contains("── Sources/ConnectFour/Decide.swift"))
        #expect(instructor.output.contains("shown before the lesson passed, and recorded so"))
        // Looking early is recorded, once per look, as an event of its own.
        let events = try run(["events", "--json"]).output
        #expect(events.components(separatedBy: "\"type\"").count == before + 1, "\(events)")
        #expect(events.contains("ReferenceViewedEarly"))
        #expect(try run(["skip"]).status == 0)
        let open = try run(["solution"])
        #expect(open.status == 0)
        #expect(!open.output.contains("recorded so"), "a skipped lesson's reference is no secret: nothing is recorded")
        #expect(try run(["events", "--json"]).output.components(separatedBy: "ReferenceViewedEarly").count == 2)
        #expect(try run(["check"]).status == 0)
        #expect(try run(["progress", "--json"]).output.contains("\"status\" : \"skipped\""))
    }

    @Test("the course's optional lessons come last, marked optional, on a day that keeps no clock")
    func optionalLessons() throws {
        let lessons = try run(["lessons", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(lessons.output.utf8)) as? [[String: Any]])
        let optional = entries.filter { $0["optional"] as? Bool == true }.compactMap { $0["id"] as? String }
        #expect(optional == ["unique-email", "event-modeling", "state-stored"])
        #expect(entries.suffix(optional.count).compactMap { $0["id"] as? String } == optional)
        let table = try run(["lessons"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(table.contains("A unique email across streams · optional"), "\(table)")
        let agenda = try run(["agenda", "3"])
        #expect(agenda.output.contains("Optional · When time allows"), "\(agenda.output)")
        #expect(agenda.output.contains("40 min  15  A unique email across streams (40 min)"), "\(agenda.output)")
        #expect(!agenda.output.contains("09:00"), "an optional day keeps no clock")
    }

    @Test("looking is not touching: an instructor's check --inspect, progress, events and lessons leave the learner's history as it was")
    func inspectingTouchesNothing() throws {
        try installReference("events-are-facts")
        _ = try run(["start", "1"])
        let first = try run(["check"])
        #expect(first.status == 0, "\(first.output)\(first.errors)")
        _ = try run(["start", "2"])
        let history = try run(["events", "--json"]).output
        let inspected = try run(["check", "1", "--inspect"])
        #expect(inspected.status == 0, "\(inspected.output)\(inspected.errors)")
        #expect(inspected.output.contains("7 of 7 scenarios pass"))
        #expect(!inspected.output.contains("lesson complete"), "\(inspected.output)")
        #expect(inspected.output.contains("inspected: nothing was recorded"))
        let failing = try run(["check", "2", "--inspect"])
        #expect(failing.status == 1, "the starter of lesson 2 fails, and says so to the instructor too")
        for command in [["progress"], ["lessons"], ["events"], ["agenda"]] { _ = try run(command) }
        #expect(try run(["events", "--json"]).output == history, "not one event added")
        let builds = folder.url.appendingPathComponent("ws/.workshop/build")
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: builds.path)) ?? [])
        _ = try run(["check", "2", "--inspect"])
        #expect(Set((try? FileManager.default.contentsOfDirectory(atPath: builds.path)) ?? []) == before, "built elsewhere")
    }

    @Test("watch checks again when a file is saved")
    func watch() throws {
        try installReference("events-are-facts")
        try install("lessons/deciding/starter")
        let terminal = try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["--workspace", workspace.path, "watch", "deciding", "--times", "2"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["TERM": "xterm", "WORKSHOP_CACHE": Self.cache]),
            columns: 120, rows: 60)
        try terminal.waitFor("watching Sources/ for changes", timeout: 60)
        #expect(terminal.screen.contains("0 of 10 scenarios pass"))
        try installReference("deciding")
        try terminal.waitFor("10 of 10 scenarios pass", timeout: 60)
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test("Ctrl-C stops a running check and the shell returns to its prompt")
    func interruptCheck() throws {
        try decide("        while true {}")
        let terminal = try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["--workspace", workspace.path],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["TERM": "xterm", "WORKSHOP_CACHE": Self.cache]),
            columns: 120)
        try terminal.waitFor("workshop>")
        terminal.type("check deciding\r")
        try terminal.waitFor("compiling Sources/ConnectFour", timeout: 30)
        usleep(1_500_000)
        terminal.type(PseudoTerminal.Key.ctrlC)
        try terminal.waitFor("check stopped (Ctrl-C)", timeout: 30)
        terminal.type("lessons\r")
        try terminal.waitFor("events-are-facts")
        terminal.type(PseudoTerminal.Key.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }
}

/// `workshop lint` on the course itself: the gate the curriculum must keep passing.
@Suite("The quality gate on the course")
struct LintTests {
    @Test("the course in this repository passes lint: references pass, starters fail, every scenario kills a mutant, sessions replay")
    func courseLints() throws {
        let folder = TemporaryFolder()
        let result = try WorkshopProcess.run(
            ["lint", "--json"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": CheckTests.cache]), timeout: 1_200)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)\(result.errors)")
        #expect(result.status == 0, "\(report["problems"] ?? "")")
        let lessons = try FileManager.default.contentsOfDirectory(atPath: CheckTests.root.appendingPathComponent("lessons").path)
            .filter { FileManager.default.fileExists(atPath: CheckTests.root.appendingPathComponent("lessons/\($0)/lesson.md").path) }
        #expect(report["lessons"] as? Int == lessons.count, "lint went through every lesson")
        #expect(report["mutantsTried"] as? Int ?? 0 > 0)
        #expect(report["transcriptsReplayed"] as? Int ?? 0 >= 1)
        #expect((report["problems"] as? [String])?.isEmpty == true)
    }

    @Test("lint sends an author to what is wrong: a starter that passes, a session by its file line, a reference by the compiler's words")
    func lintNamesWhatIsWrong() throws {
        let folder = TemporaryFolder()
        let root = WorkshopProcess.repositoryRoot
        // The first two lessons are enough, and keep the gate's test short.
        for lesson in ["events-are-facts", "deciding"] {
            for part in ["lessons", "solutions"] {
                try FileManager.default.createDirectory(
                    at: folder.url.appendingPathComponent(part), withIntermediateDirectories: true)
                try FileManager.default.copyItem(
                    at: root.appendingPathComponent("\(part)/\(lesson)"), to: folder.url.appendingPathComponent("\(part)/\(lesson)"))
            }
        }
        folder.write(
            "lessons/course.yaml",
            """
            title: Two lessons
            days:
              - title: Day 1
                starts: "09:00"
                schedule:
                  - lesson: events-are-facts
                  - lesson: deciding

            """)
        // The starter of lesson 1 becomes the reference: it passes everything, so it teaches nothing.
        let starter = folder.url.appendingPathComponent("lessons/events-are-facts/starter/Sources/ConnectFour/Events.swift")
        try FileManager.default.removeItem(at: starter)
        let reference = try ReferenceCode.text(of: "events-are-facts", "Sources/ConnectFour/Events.swift")
        try reference.write(to: starter, atomically: true, encoding: .utf8)
        // Its overlay then holds the reference whole: a patch of the old starter no longer applies.
        let overlay = folder.url.appendingPathComponent("solutions/events-are-facts/Sources/ConnectFour/Events.swift")
        try FileManager.default.removeItem(at: overlay.appendingPathExtension("patch"))
        try reference.write(to: overlay, atomically: true, encoding: .utf8)
        // Its text claims a session the shell does not print.
        let text = folder.url.appendingPathComponent("lessons/events-are-facts/lesson.md")
        let lines = try String(contentsOf: text, encoding: .utf8).components(separatedBy: "\n")
        let fence = try #require(lines.firstIndex(of: "```session")) + 1
        try lines.joined(separator: "\n").replacingOccurrences(of: "✓ 7 of 7 scenarios pass", with: "✓ 6 of 7 scenarios pass")
            .write(to: text, atomically: true, encoding: .utf8)
        // Lesson 2's reference does not compile: its overlay gains a file with a type error.
        folder.write("solutions/deciding/Sources/ConnectFour/Broken.swift", "let broken: Int = \"not a number\"\n")
        let result = try WorkshopProcess.run(
            ["--pack", folder.url.appendingPathComponent("lessons").path, "lint", "--mutants", "4"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": CheckTests.cache, "COLUMNS": "200"]),
            timeout: 600)
        #expect(result.status == 1, "\(result.output)\(result.errors)")
        #expect(result.output.contains("events-are-facts: the starter already passes every scenario"), "\(result.output)")
        #expect(
            result.output.contains("events-are-facts/lesson.md:\(fence): the session replays differently against the reference"),
            "\(result.output)")
        #expect(
            result.output.contains("deciding: the reference (solutions/ of lessons 1–2, composed) does not compile"), "\(result.output)")
        #expect(result.output.contains("Broken.swift:"), "the compiler's own words name the file: \(result.output)")
        #expect(result.output.contains("cannot convert value of type 'String' to specified type 'Int'"), "\(result.output)")
    }
}
