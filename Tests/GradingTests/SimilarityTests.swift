import Curriculum
import Foundation
import TestSupport
import Testing

@testable import Grading

/// Similarity by winnowing: disguised copies rank first, honest independent solutions of the same
/// lesson score below `honestCeiling`, and code the course handed out is never counted.
@Suite("Similarity between submissions")
struct SimilarityTests {
    static let root = WorkshopProcess.repositoryRoot
    /// Honest, independent solutions of lesson 5 (an in-memory event store) score below this.
    static let honestCeiling = 0.25

    static func fixture(_ learner: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/similarity/\(learner)/InMemoryStore.swift"), encoding: .utf8)
    }

    static func analysis() throws -> SimilarityAnalysis {
        let course = try CoursePackLoader.load(from: root.appendingPathComponent("lessons"))
        let lesson = try #require(course.lesson("event-store-in-memory"))
        let given =
            Array(ReferenceSources.starter(of: lesson, in: course).values) + Array(ReferenceSources.files(of: lesson, in: course).values)
        var analysis = SimilarityAnalysis(given: given)
        // alice and bob wrote their own; carol's is alice's with names changed, functions reordered and comments rewritten.
        for learner in ["alice", "bob", "carol"] {
            analysis.add(ComparedSources(id: learner, files: [SourceFile(path: "InMemoryStore.swift", text: try fixture(learner))]))
        }
        let reference = try ReferenceCode.text(of: "event-store-in-memory", "Sources/ConnectFour/InMemoryStore.swift")
        analysis.add(ComparedSources(id: "erin", files: [SourceFile(path: "InMemoryStore.swift", text: reference)]))
        return analysis
    }

    @Test("a disguised copy ranks first; honest independent solutions score below the stated ceiling")
    func ranking() throws {
        let analysis = try Self.analysis()
        let pairs = analysis.pairs()
        let names = pairs.map { "\(analysis.sources[$0.first].id)-\(analysis.sources[$0.second].id)" }
        #expect(names.first == "alice-carol", "\(names)")
        #expect((pairs.first?.score ?? 0) >= SimilarityReport.lookThreshold)
        for pair in pairs.dropFirst() { #expect(pair.score < Self.honestCeiling, "\(names): \(pair)") }
        // The reference verbatim shares nothing once the course's code is set aside.
        #expect(analysis.fingerprintCount(3) == 0)
    }

    @Test("renaming every identifier and changing every literal, comment and indent leaves the fingerprints as they were")
    func abstraction() {
        let one =
            "func total(of items: [Int]) -> Int {\n    var sum = 0 // running\n    for item in items where item > 2 { sum += item * 3 }\n    return sum\n}\n"
        let two =
            "/* renamed */ func add(up xs: [Int]) -> Int { var acc = 10\nfor x in xs where x > 7 { acc += x * 9 }\n        return acc }"
        let winnowing = Winnowing(k: 5, window: 4)
        func prints(_ text: String) -> [UInt64] {
            winnowing.fingerprints(SwiftTokens.tokens(text).map { Winnowing.hash($0.abstracted) }).map(\.hash)
        }
        #expect(!prints(one).isEmpty)
        #expect(prints(one) == prints(two))
        #expect(prints(one) != prints(one.replacingOccurrences(of: "for item in items", with: "while let item = items.first")))
    }

    @Test("every window of hashes is represented, so a shared run of window + k - 1 tokens always shares a fingerprint")
    func winnowingGuarantee() {
        let winnowing = Winnowing(k: 4, window: 5)
        let tokens: [UInt64] = (0..<200).map { UInt64(($0 * 7919) % 101) }
        let prints = winnowing.fingerprints(tokens)
        let positions = prints.map(\.token)
        #expect(positions == positions.sorted() && Set(positions).count == positions.count)
        let grams = winnowing.grams(tokens)
        for end in (winnowing.window - 1)..<grams.count {
            #expect(positions.contains { $0 <= end && $0 > end - winnowing.window }, "window ending at \(end) has a fingerprint")
        }
        #expect(Winnowing(k: 4, window: 5).fingerprints([1, 2, 3]).isEmpty, "fewer tokens than k: nothing")
    }

    @Test("the reports list pairs most similar first, mark the shared regions and fetch nothing")
    func reports() throws {
        let analysis = try Self.analysis()
        let pairs = analysis.pairs()
        let csv = SimilarityReport.csv(analysis, pairs: pairs).split(separator: "\n")
        #expect(csv.first == "first,second,score,shared,first_fingerprints,second_fingerprints,first_files,second_files")
        #expect(csv.dropFirst().first?.hasPrefix("alice,carol,0.") == true)
        let html = SimilarityReport.html(analysis, pairs: pairs, shown: 5, lessons: "5")
        #expect(html.contains("<mark>"))
        #expect(html.contains("worth a"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        for word in ["copied", "cheat", "plagiari"] { #expect(!html.lowercased().contains(word)) }
        #expect(SimilarityReport.marked("a<b>c", [SharedRegion(file: 0, bytes: 1..<4)]) == "a<mark>&lt;b&gt;</mark>c")
    }
}
