import Foundation
import Testing

@testable import Grading

/// Tests match a grading error on its case; these hold the words of a few, so they cannot drift
/// unseen (a submission's row, the gradebook and the shell all show them).
@Suite("Grading errors in words")
struct GradingErrorTests {
    @Test("each error says what went wrong and, when something can be done, what to do, joined by '; '")
    func words() {
        #expect(
            "\(GradingError.table(file: "roster.csv", line: 1, .headerLacks(["id"], example: Roster.example)))"
                == "roster.csv:1: the header lacks id; it should read like: id,name,email,extra_days")
        #expect("\(GradingError.table(file: "roster.csv", line: nil, .notUTF8))" == "roster.csv: is not UTF-8 text")
        #expect(
            "\(GradingError.table(file: "a.csv", line: 3, .notALesson("folding", lessons: ["deciding", "folding-events"])))"
                == "a.csv:3: 'folding' is not a lesson of this run (deciding, folding-events); leave it empty for the whole submission")
        #expect(
            "\(GradingError.shardsDiffer(.roster))"
                == "the shards were graded with different rosters; grade them with the same --roster")
        #expect("\(GradingError.noRun(folder: "/out"))" == "no grading.json in /out; give the --out folders of the shards")
        #expect(
            "\(GradingError.unreadableSubmission(.symbolicLink))"
                == "it is a symbolic link, which grading never follows; copy the submission itself into the folder")
        #expect(
            "\(GradingError.archive(name: "dan.zip", .tooLarge(mebibytes: 64)))"
                == "cannot unpack dan.zip: it unpacks to more than 64 MiB; grading unpacks at most that")
        #expect(GradingError.shardSyntax.localizedDescription == "--shard takes I/N with 1 ≤ I ≤ N, such as 2/4")
    }

    @Test("a submission that cannot be read safely is refused for the reason its listing gave")
    func unreadable() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("grading-error-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let link = Submission(id: "link", location: scratch, problem: .symbolicLink)
        #expect(throws: GradingError.unreadableSubmission(.symbolicLink)) {
            try SubmissionFiles.gather(link, modules: ["Deciding"], into: scratch)
        }
    }

    @Test("an archive path that leaves its folder is refused by name")
    func leavingPath() {
        #expect(throws: GradingError.ArchiveProblem.pathLeavesFolder("../escape.swift")) {
            try SubmissionArchive().parts(of: "../escape.swift")
        }
    }
}
