import Foundation
import TestSupport
import Testing

/// `workshop reference N --to DIR`: an author gets lesson N's whole reference as one folder.
@Suite("Writing a lesson's composed reference for its author")
struct ReferenceWriteTests {
    let folder = TemporaryFolder()

    func run(_ arguments: [String]) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(arguments, environment: WorkshopProcess.environment(home: folder.path))
    }

    /// The files under a folder of the test's, by path relative to it.
    func written(under name: String) -> [String] {
        let base = folder.url.appendingPathComponent(name).standardizedFileURL
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        let found = enumerator?.compactMap { $0 as? URL } ?? []
        return found.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { String($0.standardizedFileURL.path.dropFirst(base.path.count + 1)) }.sorted()
    }

    @Test("lesson 4's reference holds the files of lessons 1 to 4, each as the latest of them wrote it")
    func wholeReference() throws {
        let result = try run(["reference", "4", "--to", folder.url.appendingPathComponent("four").path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(
            written(under: "four") == [
                "Sources/ConnectFour/Decide.swift", "Sources/ConnectFour/Events.swift", "Sources/ConnectFour/Rules.swift",
                "Sources/ConnectFour/State.swift",
            ])
        for (path, text) in try ReferenceCode.files(of: "playing-by-the-rules") {
            #expect(folder.read("four/\(path)") == text, "\(path)")
        }
        #expect(result.output.contains("Sources/ConnectFour/Rules.swift  (this lesson's)"), "\(result.output)")
        #expect(!result.output.contains("Sources/ConnectFour/Events.swift  (this lesson's)"), "\(result.output)")
    }

    @Test("a lesson of day 2 builds only on the lessons of its own module")
    func ownModuleOnly() throws {
        let result = try run(["reference", "many-streams", "--to", folder.url.appendingPathComponent("shop").path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(written(under: "shop") == ["Sources/Barstucks/Customers.swift", "Sources/Barstucks/Orders.swift"])
    }

    @Test("--wrong lays that wrong solution over the lesson's reference")
    func wrongSolution() throws {
        let out = folder.url.appendingPathComponent("wrong").path
        let result = try run(["reference", "projections", "--wrong", "queue-never-fills", "--to", out])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        let wrong = try ReferenceCode.files(of: "projections", wrong: "queue-never-fills")
        #expect(written(under: "wrong") == wrong.keys.sorted())
        #expect(folder.read("wrong/Sources/Barstucks/Projections.swift") == wrong["Sources/Barstucks/Projections.swift"])
        let reference = try ReferenceCode.text(of: "projections", "Sources/Barstucks/Projections.swift")
        #expect(folder.read("wrong/Sources/Barstucks/Projections.swift") != reference)
    }

    @Test("a folder that holds anything is refused, and nothing in it is touched")
    func refusesFullFolder() throws {
        folder.write("full/notes.txt", "mine\n")
        let result = try run(["reference", "1", "--to", folder.url.appendingPathComponent("full").path])
        #expect(result.status != 0)
        #expect(result.errors.contains("is not empty; give --to a new or empty folder"), "\(result.errors)")
        #expect(written(under: "full") == ["notes.txt"])
    }

    @Test("an unknown wrong solution is named with the ones the lesson keeps")
    func unknownWrong() throws {
        let result = try run(["reference", "repository", "--wrong", "never-retry", "--to", folder.url.appendingPathComponent("x").path])
        #expect(result.status != 0)
        #expect(result.errors.contains("has no wrong solution 'never-retry'"), "\(result.errors)")
        #expect(result.errors.contains("never-retries"), "\(result.errors)")
    }
}
