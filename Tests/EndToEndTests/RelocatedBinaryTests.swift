import Foundation
import TestSupport
import Testing

/// A copy of the built binary, outside any checkout, still checks, plays and grades: the kit's
/// sources and the course travel inside it.
@Suite("A binary copied out of its checkout", .serialized)
struct RelocatedBinaryTests {
    let folder = TemporaryFolder("workshop-relocated")
    var binary: String { folder.url.appendingPathComponent("bin/workshop").path }
    var workspace: URL { folder.url.appendingPathComponent("ws") }

    func run(_ arguments: [String], input: String? = nil, timeout: TimeInterval = 300) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            arguments, input: input,
            environment: WorkshopProcess.environment(home: folder.url.appendingPathComponent("home").path, extra: ["COLUMNS": "160"]),
            timeout: timeout,
            directory: folder.url, executable: binary)
    }

    @Test("checks, plays and grades from a folder of its own, reading nothing of the repository")
    func copiedBinary() throws {
        folder.write("bin/.keep", "")
        // A hard link where the file system allows one: a copy's write descriptor, inherited by a
        // process another test forks meanwhile, makes running it fail with "text file busy".
        do {
            try FileManager.default.linkItem(atPath: WorkshopProcess.executable, toPath: binary)
        } catch {
            try FileManager.default.copyItem(atPath: WorkshopProcess.executable, toPath: binary)
        }
        var answered: WorkshopProcess.Result?
        for _ in 0..<50 where answered == nil {
            do {
                answered = try run(["--version"])
            } catch let error as NSError where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        let version = try #require(answered)
        #expect(version.status == 0)
        #expect(
            version.output.range(of: #"^\d+\.\d+\.\d+ \(kit and course [0-9a-f]+\)\n$"#, options: .regularExpression) != nil,
            "\(version.output)")

        #expect(try run(["--workspace", workspace.path, "catch-up", "2"]).status == 0)
        let manifest = try #require(folder.read("ws/Package.swift"))
        let unpacked = folder.url.appendingPathComponent("home/.cache/workshop/tool-").path
        #expect(manifest.contains(unpacked), "the editor package points at the unpacked kit: \(manifest)")
        #expect(!manifest.contains(WorkshopProcess.repositoryRoot.path))

        // The deciding lesson's reference, from inside the binary, into the learner's file.
        let reference = try #require(try run(["--workspace", workspace.path, "solution", "2", "--instructor"]).output)
        #expect(reference.contains("── Sources/ConnectFour/Decide.swift"))
        let check = try run(["--workspace", workspace.path, "check", "2", "--json"])
        #expect(check.status == 1, "the starter of lesson 2 does not pass yet: \(check.errors)")
        #expect(check.output.contains("\"passed\""))

        let play = try run(["--workspace", workspace.path], input: "catch-up 3\nstart-game 1 alice bob\n")
        #expect(play.output.contains("stream game-1 · category game"), "\(play.output)\(play.errors)")
        #expect(play.output.contains(#"{"gameStarted":{"playerOne":"alice","playerTwo":"bob"}}"#))

        // The learner's workspace, now holding lesson 2's reference, graded as a submission.
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("submissions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: workspace.appendingPathComponent("Sources"), to: folder.url.appendingPathComponent("submissions/a-learner/Sources"))
        let grade = try run(
            [
                "grade", folder.url.appendingPathComponent("submissions").path, "--lessons", "2", "--out",
                folder.url.appendingPathComponent("out").path,
                "--reference-code", "full",
            ],
            timeout: 600)
        #expect(grade.status == 0, "\(grade.output)\(grade.errors)")
        let csv = try #require(folder.read("out/grades.csv"))
        // The binary's own references tell it is lesson 2's reference; full credit, as asked.
        #expect(csv.contains("a-learner,14,14,14,reference,deciding: reference"), "\(csv)")
    }
}
