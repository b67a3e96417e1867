import Foundation
import TestSupport
import Testing

/// `workshop grade` as a course uses it: submissions that cannot be graded, scenarios marked for
/// what learners see, a roster and a deadline, and regrading only what changed.
@Suite("Grading a real course", .serialized)
struct GradeCourseTests {
    let folder = TemporaryFolder("workshop-grade-course-test")
    static let root = WorkshopProcess.repositoryRoot
    static let cache = root.appendingPathComponent(".build/workshop-test-cache").path
    var submissions: URL { folder.url.appendingPathComponent("submissions") }
    var out: String { folder.url.appendingPathComponent("out").path }

    func grade(_ arguments: [String]) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            ["grade", submissions.path, "--lessons", "2", "--out", out] + arguments,
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]), timeout: 600)
    }

    func solution(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent("solutions/deciding/Sources/ConnectFour/\(path)"), encoding: .utf8)
    }

    func correct(_ id: String) throws {
        for name in ["Events.swift", "Decide.swift"] { folder.write("submissions/\(id)/Sources/ConnectFour/\(name)", try solution(name)) }
    }

    /// The solution with its rule against playing oneself taken out: it runs, and fails a scenario.
    func partial(_ id: String) throws {
        try correct(id)
        let decide = try solution("Decide.swift")
        let lines = decide.components(separatedBy: "\n").filter { !$0.contains("samePlayerTwice") }
        folder.write("submissions/\(id)/Sources/ConnectFour/Decide.swift", lines.joined(separator: "\n"))
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: folder.url.appendingPathComponent(path).path), "\(path) is missing")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The gradebook's rows by id, each a dictionary by column.
    func gradebook() throws -> [String: [String: String]] {
        let lines = try #require(folder.read("out/grades.csv")).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(lines.first)
        return Dictionary(
            uniqueKeysWithValues: lines.dropFirst().map { fields in
                (fields[0], Dictionary(uniqueKeysWithValues: zip(header, fields).map { ($0, $1) }))
            })
    }

    @Test("a submission that does not compile, has no sources or cannot be unpacked has its own status in every report")
    func ungradable() throws {
        try partial("ann")
        folder.write("submissions/bob/Sources/ConnectFour/Decide.swift", "func decide( {\n")
        folder.write("submissions/cat/README.md", "I ran out of time.\n")
        folder.write("submissions/dan.zip", "this is not a zip archive")
        let zero = try grade([])
        #expect(zero.status == 0, "\(zero.errors)")
        var table = try gradebook()
        #expect(table["ann"]?["status"] == "fail")
        #expect(Int(table["ann"]?["total"] ?? "") ?? 0 > 0)
        #expect(table["bob"]?["status"] == "compile-error" && table["bob"]?["total"] == "0")
        #expect(table["cat"]?["status"] == "missing" && table["cat"]?["total"] == "0")
        #expect(table["dan"]?["status"] == "unreadable" && table["dan"]?["total"] == "0")
        #expect(zero.output.contains("not gradable (scored zero):"), "\(zero.output)")

        let blank = try grade(["--ungradable", "blank"])
        #expect(blank.status == 0, "\(blank.errors)")
        table = try gradebook()
        #expect(table["bob"]?["deciding"] == "" && table["bob"]?["total"] == "" && table["bob"]?["max"] == "14")
        #expect(table["dan"]?["total"] == "")
        #expect(Int(table["ann"]?["total"] ?? "") ?? 0 > 0)
        let gradescope = try json("out/submissions/dan/results.json")
        #expect(gradescope["score"] == nil)
        #expect((gradescope["output"] as? String)?.hasPrefix("Not graded (unreadable): cannot unpack dan.zip") == true)
        let exercism = try json("out/submissions/bob/exercism.json")
        #expect(exercism["status"] as? String == "error")
        #expect((exercism["message"] as? String)?.contains("Not graded (compile-error)") == true)
        #expect(try json("out/submissions/ann/exercism.json")["status"] as? String == "fail")
        #expect(folder.read("out/junit.xml")?.contains("unreadable: cannot unpack dan.zip") == true)
        #expect(try grade(["--ungradable", "half"]).errors.contains("half"))
    }

    @Test("a private suite's marks decide what learners see; after-due shows once --due has passed; --feedback overrides")
    func visibility() throws {
        try partial("ann")
        folder.write(
            "private/deciding/suite.yaml",
            """
            scenarios:
              - name: nobody plays against themselves, privately
                visibility: hidden
                when:
                  decide: {startGame: {playerOne: zed, playerTwo: zed}}
                then:
                  error: samePlayerTwice
              - name: nobody plays against themselves, after the deadline
                visibility: after-due
                when:
                  decide: {startGame: {playerOne: yan, playerTwo: yan}}
                then:
                  error: samePlayerTwice
            """)
        let suite = ["--suite", folder.url.appendingPathComponent("private").path]
        #expect(try grade(suite + ["--due", "2099-01-01"]).status == 0)
        let tests = try #require(try json("out/submissions/ann/results.json")["tests"] as? [[String: Any]])
        func test(_ suffix: String) -> [String: Any]? { tests.first { ($0["name"] as? String)?.hasSuffix(suffix) == true } }
        #expect(test("privately")?["visibility"] as? String == "visible")
        #expect((test("privately")?["output"] as? String)?.contains("zed") == false)
        #expect(test("after the deadline")?["visibility"] as? String == "after_due_date")
        #expect(test("after the deadline")?["status"] as? String == "failed")
        var feedback = try #require(folder.read("out/feedback/ann.md"))
        #expect(feedback.contains("**nobody plays against themselves, privately** (fail)"))
        #expect(!feedback.contains("zed") && !feedback.contains("yan"), "\(feedback)")

        #expect(try grade(suite + ["--due", "2020-01-01"]).status == 0)
        feedback = try #require(folder.read("out/feedback/ann.md"))
        #expect(feedback.contains("yan") && !feedback.contains("zed"), "\(feedback)")

        #expect(try grade(suite + ["--feedback", "full"]).status == 0)
        feedback = try #require(folder.read("out/feedback/ann.md"))
        #expect(feedback.contains("yan") && feedback.contains("zed"), "\(feedback)")

        folder.write("private/deciding/suite.yaml", "scenarios:\n  - name: x\n    visibility: secret\n    when: {decide: {}}\n    then: {events: []}\n")
        let bad = try grade(suite)
        #expect(bad.status != 0)
        #expect(bad.errors.contains("deciding/suite.yaml:3"), "\(bad.errors)")
        #expect(bad.errors.contains("'visibility' should be one of"), "\(bad.errors)")
    }
}
