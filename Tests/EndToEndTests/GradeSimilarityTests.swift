import Foundation
import TestSupport
import Testing

/// `workshop grade similarity` and reference code in `workshop grade`, on real submissions: a
/// disguised copy ranks first, an honest pair stays low, the reference verbatim gets no credit by
/// default, and a lesson the learner's workspace skipped says so.
@Suite("Similarity and reference code in grading", .serialized)
struct GradeSimilarityTests {
    let folder = TemporaryFolder("workshop-similarity-test")
    static let root = WorkshopProcess.repositoryRoot
    static let cache = root.appendingPathComponent(".build/workshop-test-cache").path
    var submissions: URL { folder.url.appendingPathComponent("submissions") }
    var out: URL { folder.url.appendingPathComponent("out") }

    func workshop(_ arguments: [String]) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            arguments, environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]), timeout: 600)
    }

    /// A file of a lesson's composed reference, named as `solutions/LESSON/PATH`.
    /// A file of a lesson's composed reference, named as `solutions/LESSON/PATH`; any other path is
    /// read from the repository.
    func text(_ path: String) throws -> String {
        guard path.hasPrefix("solutions/") else { return try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8) }
        let parts = path.split(separator: "/", maxSplits: 2).map(String.init)
        return try ReferenceCode.text(of: parts[1], parts[2])
    }

    /// A workspace at lesson 5: lessons 1–4 as their reference, and `store` as its InMemoryStore.swift.
    func submission(_ id: String, store: String) throws {
        for (path, text) in try ReferenceCode.files(of: "playing-by-the-rules") {
            folder.write("submissions/\(id)/\(path)", text)
        }
        folder.write("submissions/\(id)/Sources/ConnectFour/InMemoryStore.swift", store)
    }

    func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("a disguised copy ranks first, honest independent solutions score below 0.25, the reference itself shares nothing")
    func similarity() throws {
        for learner in ["alice", "bob", "carol"] {
            try submission(learner, store: try text("Tests/Fixtures/similarity/\(learner)/InMemoryStore.swift"))
        }
        try submission("erin", store: try text("solutions/event-store-in-memory/Sources/ConnectFour/InMemoryStore.swift"))
        folder.write("submissions/frank.zip", "not a zip")
        let result = try workshop(["grade", "similarity", submissions.path, "--lessons", "5", "--out", out.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("compared 4 submissions"), "\(result.output)")
        #expect(result.output.contains("worth a look"))
        #expect(result.errors.contains("frank: cannot unpack frank.zip"), "\(result.errors)")
        let csv = try #require(folder.read("out/similarity.csv"))
        #expect(csv.hasPrefix("first,second,score,shared,first_fingerprints,second_fingerprints,first_files,second_files\n"))
        let pairs = rows(csv)
        #expect(pairs.first?.prefix(2) == ["alice", "carol"], "\(csv)")
        #expect((Double(pairs.first?[2] ?? "") ?? 0) >= 0.5, "\(csv)")
        #expect(pairs.first?[6] == "Sources/ConnectFour/InMemoryStore.swift")
        for pair in pairs.dropFirst() { #expect((Double(pair[2]) ?? 1) < 0.25, "\(csv)") }
        #expect(!pairs.contains { $0.prefix(2).contains("erin") }, "the reference is set aside before comparing: \(csv)")
        let html = try #require(folder.read("out/similarity.html"))
        #expect(html.contains("alice and carol") && html.contains("<mark>"))
        #expect(!html.contains("https://") && !html.contains("<script"), "self-contained")

        // On a terminal, the run shows how far it is; a pipe (above) gets none of that.
        #expect(!result.errors.contains("reading "))
        let terminal = try PseudoTerminal(
            executable: WorkshopProcess.executable,
            arguments: ["grade", "similarity", submissions.path, "--lessons", "5", "--out", out.path],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["TERM": "xterm", "WORKSHOP_CACHE": Self.cache]),
            columns: 120)
        try terminal.waitFor("reports in", timeout: 60)
        #expect(terminal.waitForExit(timeout: 10) == 0)
        for step in ["reading 5/5", "fingerprinting 4/4", "comparing: 100%", "writing the reports"] {
            #expect(terminal.transcript.contains(step), "\(terminal.transcript)")
        }
    }

    @Test("bad input is refused with a clear message")
    func badInput() throws {
        let missing = try workshop([
            "grade", "similarity", folder.url.appendingPathComponent("nowhere").path, "--lessons", "5", "--out", out.path,
        ])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("no submissions folder at"), "\(missing.errors)")
        try submission("alone", store: try text("Tests/Fixtures/similarity/bob/InMemoryStore.swift"))
        let alone = try workshop(["grade", "similarity", submissions.path, "--lessons", "5", "--out", out.path])
        #expect(alone.status != 0)
        #expect(alone.errors.contains("fewer than two submissions have sources for lessons 5"), "\(alone.errors)")
        let lessons = try workshop(["grade", "similarity", submissions.path, "--lessons", "99", "--out", out.path])
        #expect(lessons.status != 0 && !lessons.errors.isEmpty)
    }

    @Test(
        "the reference verbatim (comments aside) gets the reference status and no credit; a skipped lesson gets skipped; --reference-code full pays both"
    )
    func referenceCode() throws {
        // Lesson 2's reference with its comments rewritten: still the reference.
        let decide = try text("solutions/deciding/Sources/ConnectFour/Decide.swift")
            .components(separatedBy: "\n").map { $0.hasPrefix("//") || $0.hasPrefix("///") ? "// my own words" : $0 }.joined(
                separator: "\n")
        folder.write("submissions/copy/Sources/ConnectFour/Decide.swift", decide)
        folder.write("submissions/copy/Sources/ConnectFour/Events.swift", try text("solutions/deciding/Sources/ConnectFour/Events.swift"))
        // A learner's own code: the reference's rules, written another way.
        let own = try text("solutions/deciding/Sources/ConnectFour/Decide.swift")
            .replacingOccurrences(of: "guard playerOne != playerTwo", with: "guard playerTwo != playerOne")
        folder.write("submissions/own/Sources/ConnectFour/Decide.swift", own)
        folder.write("submissions/own/Sources/ConnectFour/Events.swift", try text("solutions/deciding/Sources/ConnectFour/Events.swift"))
        // A real workspace that joined late: catch-up 3 installs lessons 1 and 2 and records them as skipped.
        let learner = LearnerWorkspace()
        let caught = try learner.run(["catch-up", "3"])
        #expect(caught.status == 0, "\(caught.output)\(caught.errors)")
        try FileManager.default.copyItem(at: learner.url, to: submissions.appendingPathComponent("late"))

        let graded = try workshop(["grade", submissions.path, "--lessons", "2", "--out", out.path])
        #expect(graded.status == 0, "\(graded.output)\(graded.errors)")
        let csv = try #require(folder.read("out/grades.csv"))
        #expect(csv.hasPrefix("id,deciding,total,max,status,not_own\n"), "\(csv)")
        let table = Dictionary(uniqueKeysWithValues: rows(csv).map { ($0[0], $0) })
        let maximum = table["own"]?[3] ?? ""
        #expect(table["own"] == ["own", maximum, maximum, maximum, "pass", ""], "\(csv)")
        #expect(table["copy"] == ["copy", "0", "0", maximum, "reference", "deciding: reference"], "\(csv)")
        #expect(table["late"] == ["late", "0", "0", maximum, "skipped", "deciding: skipped"], "\(csv)")
        #expect(graded.output.contains("not the learner's own code (no credit, --reference-code):"), "\(graded.output)")
        let feedback = try #require(folder.read("out/feedback/late.md"))
        #expect(feedback.contains("Your workspace records this lesson as skipped"))

        let paid = try workshop(["grade", submissions.path, "--lessons", "2", "--out", out.path, "--reference-code", "full"])
        #expect(paid.status == 0, "\(paid.output)\(paid.errors)")
        let again = Dictionary(uniqueKeysWithValues: rows(try #require(folder.read("out/grades.csv"))).map { ($0[0], $0) })
        #expect(again["copy"] == ["copy", maximum, maximum, maximum, "reference", "deciding: reference"])
        #expect(again["late"]?[1] == maximum)
    }
}
