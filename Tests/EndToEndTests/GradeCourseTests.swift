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
        try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/\(path)")
    }

    /// A learner's own correct solution: the reference's rules, one written the other way round
    /// (the reference verbatim would earn no credit, `--reference-code`).
    func correct(_ id: String) throws {
        for name in ["Events.swift", "Decide.swift"] {
            let text = try solution(name).replacingOccurrences(of: "guard playerOne != playerTwo", with: "guard playerTwo != playerOne")
            folder.write("submissions/\(id)/Sources/ConnectFour/\(name)", text)
        }
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

        folder.write(
            "private/deciding/suite.yaml",
            "scenarios:\n  - name: x\n    visibility: secret\n    when: {decide: {}}\n    then: {events: []}\n")
        let bad = try grade(suite)
        #expect(bad.status != 0)
        #expect(bad.errors.contains("deciding/suite.yaml:3"), "\(bad.errors)")
        #expect(bad.errors.contains("'visibility' should be one of"), "\(bad.errors)")
    }

    @Test("a roster joins the gradebook; times from submission_metadata.json or the archive; late days and penalty beside the raw score")
    func rosterAndDeadline() throws {
        try correct("ann")
        folder.write(
            "submissions/ann/submission_metadata.json", #"{"id": 1, "created_at": "2026-12-01T10:00:00.000000+00:00", "users": []}"#)
        try correct("bob")
        folder.write("submissions/bob/submission_metadata.json", #"{"id": 2, "created_at": "2026-12-03T10:00:00Z"}"#)
        try correct("zed")
        try correct("dan-folder")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = [
            "-czf", submissions.appendingPathComponent("dan.tar.gz").path, "-C", submissions.appendingPathComponent("dan-folder").path, ".",
        ]
        try tar.run()
        tar.waitUntilExit()
        try FileManager.default.removeItem(at: submissions.appendingPathComponent("dan-folder"))
        let stamp = try #require(ISO8601DateFormatter().date(from: "2026-12-05T12:00:00Z"))
        try FileManager.default.setAttributes(
            [.modificationDate: stamp], ofItemAtPath: submissions.appendingPathComponent("dan.tar.gz").path)
        let early = try #require(ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z"))
        for name in ["Events.swift", "Decide.swift"] {
            try FileManager.default.setAttributes(
                [.modificationDate: early], ofItemAtPath: submissions.appendingPathComponent("zed/Sources/ConnectFour/\(name)").path)
        }
        let roster = folder.write(
            "roster.csv",
            "id,name,email,extra_days\nann,Ann Lee,ann@example.org,0\nbob,Bob,bob@example.org,3\ndan,Dan,,\ncy,Cy Young,cy@example.org,0\n")
        let result = try grade([
            "--roster", roster.path, "--due", "2026-11-30T23:59:00Z", "--late-penalty", "10", "--grace-days", "0", "--late-cap", "30",
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            folder.read("out/grades.csv")?.hasPrefix("id,name,email,deciding,raw,submitted,late_days,penalty,total,max,status\n") == true)
        let table = try gradebook()
        #expect(table["ann"]?["name"] == "Ann Lee" && table["ann"]?["submitted"] == "2026-12-01T10:00:00Z")
        #expect(table["ann"]?["late_days"] == "1" && table["ann"]?["penalty"] == "10")
        #expect(table["ann"]?["raw"] == "14" && table["ann"]?["total"] == "12.60")
        // Three days late with three extra days is on time.
        #expect(table["bob"]?["late_days"] == "0" && table["bob"]?["total"] == "14")
        // The archive's time: five days late, capped at 30%.
        #expect(table["dan"]?["late_days"] == "5" && table["dan"]?["penalty"] == "30" && table["dan"]?["total"] == "9.80")
        #expect(table["zed"]?["late_days"] == "0" && table["zed"]?["name"] == "")
        #expect(table["cy"]?["status"] == "missing" && table["cy"]?["total"] == "0" && table["cy"]?["max"] == "14")
        #expect(result.output.contains("not on the roster: zed"), "\(result.output)")
        #expect(result.output.contains("on the roster with no submission (status missing): cy"), "\(result.output)")
        let gradescope = try json("out/submissions/ann/results.json")
        #expect(gradescope["score"] as? Double == 12.6)
        #expect((gradescope["output"] as? String)?.contains("Handed in 1 day late: 10% off (14 → 12.60).") == true)
        #expect(folder.read("out/feedback/cy.md")?.contains("could not be graded (missing): no submission was handed in") == true)

        folder.write("bad-roster.csv", "id,name,extra_days\nann,Ann,0\nbob,Bob,three\n")
        let bad = try grade(["--roster", folder.url.appendingPathComponent("bad-roster.csv").path])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("bad-roster.csv:3: extra_days should be a whole number"), "\(bad.errors)")
        let date = try grade(["--due", "next friday"])
        #expect(date.status != 0 && date.errors.contains("--due 'next friday' is not a date"), "\(date.errors)")
        #expect(try grade(["--late-penalty", "10"]).errors.contains("need --due"))
    }

    /// Each submission's grading.json entry by id.
    func graded() throws -> [String: [String: Any]] {
        let run = try json("out/grading.json")
        return Dictionary(uniqueKeysWithValues: (run["submissions"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) })
    }

    @Test("a second grade into the same --out regrades only the changed submission; adjustments apply on top without regrading")
    func regrade() throws {
        try correct("ann")
        try partial("bob")
        try correct("cat")
        folder.write(
            "private/deciding/suite.yaml",
            "scenarios:\n  - name: a private start\n    when: {decide: {startGame: {playerOne: p, playerTwo: q}}}\n    then: {events: [{gameStarted: {playerOne: p, playerTwo: q}}]}\n"
        )
        let suite = ["--suite", folder.url.appendingPathComponent("private").path]
        let first = try grade(suite)
        #expect(first.status == 0, "\(first.errors)")
        #expect(!first.output.contains("kept"), "the first run has nothing to keep")
        let before = try graded()
        #expect(try gradebook()["bob"]?["total"] != "15")

        // Bob fixes his code: only he is graded again.
        try correct("bob")
        let second = try grade(suite)
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("graded 1, kept 2 unchanged since the last run"), "\(second.output)")
        let after = try graded()
        #expect(after["ann"]?["seconds"] as? Double == before["ann"]?["seconds"] as? Double)
        #expect(after["cat"]?["seconds"] as? Double == before["cat"]?["seconds"] as? Double)
        #expect(after["bob"]?["seconds"] as? Double != before["bob"]?["seconds"] as? Double)
        #expect(try gradebook()["bob"]?["total"] == "15")

        // Manual points: kept apart, applied on top, nothing graded again.
        folder.write(
            "out/adjustments.csv",
            "id,lesson,points,reason\nann,2,-2,shared code with a friend\ncat,,1.5,a good question in class\nzoe,,1,\n")
        let third = try grade(suite)
        #expect(third.status == 0, "\(third.errors)")
        #expect(third.output.contains("graded 0, kept 3"), "\(third.output)")
        #expect(third.output.contains("adjustments.csv adjusts ids with no submission: zoe"), "\(third.output)")
        let table = try gradebook()
        #expect(table["ann"]?["deciding"] == "15" && table["ann"]?["raw"] == "15" && table["ann"]?["adjustments"] == "-2")
        #expect(table["ann"]?["total"] == "13" && table["cat"]?["total"] == "16.50" && table["bob"]?["adjustments"] == "")
        #expect(try json("out/submissions/cat/results.json")["score"] as? Double == 16.5)
        #expect(folder.read("out/feedback/ann.md")?.contains("-2 (deciding): shared code with a friend") == true)

        // A changed suite regrades everyone; --fresh does too.
        folder.write(
            "private/deciding/suite.yaml",
            "scenarios:\n  - name: a private start, renamed\n    when: {decide: {startGame: {playerOne: p, playerTwo: q}}}\n    then: {events: [{gameStarted: {playerOne: p, playerTwo: q}}]}\n"
        )
        let fourth = try grade(suite)
        #expect(fourth.output.contains("graded 3, kept 0"), "\(fourth.output)")
        let fifth = try grade(suite + ["--fresh"])
        #expect(fifth.status == 0 && !fifth.output.contains("kept"), "\(fifth.output)")
        folder.write("out/adjustments.csv", "id,lesson,points\nann,folding,1\n")
        let bad = try grade(suite)
        #expect(bad.status != 0 && bad.errors.contains("adjustments.csv:2: 'folding' is not a lesson of this run"), "\(bad.errors)")
    }

    @Test("sharded runs with a roster merge into one gradebook with the missing learners, and the merge applies its own adjustments")
    func shardsWithRoster() throws {
        try correct("ann")
        try partial("bob")
        let roster = folder.write("roster.csv", "id,name\nann,Ann\nbob,Bob\ncy,Cy\n")
        var outs: [String] = []
        for index in 1...2 {
            let shardOut = folder.url.appendingPathComponent("shard-\(index)").path
            outs.append(shardOut)
            let result = try WorkshopProcess.run(
                ["grade", submissions.path, "--lessons", "2", "--roster", roster.path, "--shard", "\(index)/2", "--out", shardOut],
                environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]), timeout: 600)
            #expect(result.status == 0, "\(result.errors)")
            #expect(!result.output.contains("cy"), "a shard cannot know cy is missing: \(result.output)")
        }
        folder.write("out/adjustments.csv", "id,lesson,points,reason\ncy,,3,handed in on paper\n")
        let merged = try WorkshopProcess.run(
            ["grade", "merge"] + outs + ["--out", out],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]), timeout: 600)
        #expect(merged.status == 0, "\(merged.errors)")
        let table = try gradebook()
        #expect(table.keys.sorted() == ["ann", "bob", "cy"])
        #expect(table["cy"]?["name"] == "Cy" && table["cy"]?["status"] == "missing" && table["cy"]?["total"] == "3")
        #expect(table["ann"]?["total"] == "14" && table["bob"]?["status"] == "fail")
        #expect(merged.output.contains("on the roster with no submission (status missing): cy"), "\(merged.output)")
    }
}
