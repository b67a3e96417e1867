import Foundation
import TestSupport
import Testing

/// The README's Slurm recipe, run for real: a single-node cluster from Debian's packages (started by
/// `scripts/test-slurm.sh`, which `make test` runs), the grading submitted as an array job of
/// shards, the shards merged, and the merged reports equal to one local run.
@Suite("Grading as a Slurm array job", .serialized)
struct ClusterGradingTests {
    let folder = TemporaryFolder("workshop-slurm-grade")
    var submissions: URL { folder.url.appendingPathComponent("submissions") }

    func workshop(_ arguments: [String], input: String? = nil) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            arguments, input: input,
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": LearnerWorkspace.cache]),
            timeout: 600)
    }

    /// Four submissions for the deciding lesson, made with the tool itself: its reference, its
    /// starter, the reference with a file that does not compile, and a folder with no code.
    func makeSubmissions() throws {
        for (id, lesson) in [("a-reference", "3"), ("b-starter", "2")] {
            let workspace = folder.url.appendingPathComponent("ws-\(id)")
            #expect(try workshop(["--workspace", workspace.path, "catch-up", lesson]).status == 0)
            try FileManager.default.createDirectory(at: submissions.appendingPathComponent(id), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: workspace.appendingPathComponent("Sources"), to: submissions.appendingPathComponent("\(id)/Sources"))
        }
        try FileManager.default.copyItem(
            at: submissions.appendingPathComponent("a-reference"), to: submissions.appendingPathComponent("c-broken"))
        folder.write("submissions/c-broken/Sources/ConnectFour/Broken.swift", "func broken( {\n")
        folder.write("submissions/d-nothing/README.txt", "I ran out of time.\n")
    }

    @Test("an array job of shards, merged, gives exactly the reports of one local run")
    func arrayJob() throws {
        let configuration = try #require(
            ProcessInfo.processInfo.environment["WORKSHOP_TEST_SLURM"],
            "no test cluster: `make test` starts one with scripts/test-slurm.sh and exports WORKSHOP_TEST_SLURM")
        try #require(FileManager.default.fileExists(atPath: configuration), "WORKSHOP_TEST_SLURM names no slurm.conf: '\(configuration)'")
        try makeSubmissions()
        let out = folder.url.appendingPathComponent("out")
        let script = folder.write(
            "grade.sbatch",
            """
            #!/bin/sh
            #SBATCH --array=1-2
            #SBATCH --output=\(folder.path)/slurm-%A_%a.log
            exec "\(WorkshopProcess.executable)" grade "\(submissions.path)" --lessons 2 --jobs 1 \\
              --shard "$SLURM_ARRAY_TASK_ID/2" --out "\(out.path)/shard-$SLURM_ARRAY_TASK_ID"

            """)
        let sbatch = Process()
        sbatch.executableURL = URL(fileURLWithPath: "/usr/bin/sbatch")
        sbatch.arguments = ["--wait", "--parsable", script.path]
        sbatch.currentDirectoryURL = folder.url
        var environment = WorkshopProcess.environment(
            home: folder.path, extra: ["WORKSHOP_CACHE": LearnerWorkspace.cache, "SLURM_CONF": configuration])
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        sbatch.environment = environment
        let output = Pipe()
        sbatch.standardOutput = output
        sbatch.standardError = output
        try sbatch.run()
        let submitted = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sbatch.waitUntilExit()
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("slurm-") }) ?? []
        let logText = logs.sorted().compactMap { folder.read($0) }.joined(separator: "\n")
        #expect(sbatch.terminationStatus == 0, "sbatch: \(submitted)\n\(logText)")
        #expect(logs.count == 2, "one log per array task: \(logs)")

        let merge = try workshop([
            "grade", "merge", out.appendingPathComponent("shard-1").path, out.appendingPathComponent("shard-2").path, "--out",
            out.appendingPathComponent("merged").path,
        ])
        #expect(merge.status == 0, "\(merge.errors)")
        let local = try workshop([
            "grade", submissions.path, "--lessons", "2", "--jobs", "2", "--out", out.appendingPathComponent("local").path,
        ])
        #expect(local.status == 0, "\(local.errors)")

        let merged = try GradingReports.read(out.appendingPathComponent("merged"))
        let one = try GradingReports.read(out.appendingPathComponent("local"))
        #expect(!one.isEmpty && merged.keys.sorted() == one.keys.sorted())
        for (path, text) in one { #expect(merged[path] == text, "\(path) differs between the cluster's merged shards and one local run") }
        let grades = try #require(one["grades.csv"])
        // The reference itself earns no credit by default (--reference-code), in the shards as in one run.
        #expect(grades.contains("a-reference,0,0,14,reference,deciding: reference"), "\(grades)")
        #expect(grades.split(separator: "\n").count == 5, "a header and the four submissions: \(grades)")
    }
}
