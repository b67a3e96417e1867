import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `ui` from the shell and from the command line, driven through the real binary. The page itself
/// is tested in a real browser by Tests/BrowserTests (run by `make test`).
@Suite("The window from the shell")
struct WindowTests {
    let folder = TemporaryFolder()

    init() { PackFixture.write(in: folder, lessons: 2) }

    func arguments(_ words: [String]) -> [String] {
        ["--pack", folder.url.appendingPathComponent("lessons").path, "--workspace", folder.url.appendingPathComponent("ws").path]
            + words
    }

    func get(_ url: String, method: String = "GET") async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("the shell's ui prints its address and serves while the shell runs; asked again, it says where")
    func shellWindow() async throws {
        let shell = try OpenShell(arguments: arguments([]), environment: WorkshopProcess.environment(home: folder.path))
        defer { if shell.process.isRunning { shell.process.terminate() } }
        shell.type("ui --port 0")
        #expect(shell.waitFor("the window on your store: http://127.0.0.1:"))
        let address = try shell.address()
        #expect(shell.text.contains("it stays open while the shell runs"))
        shell.type("start 1")
        #expect(shell.waitFor("lesson 01"))
        let (status, body) = try await get(address + "api/progress")
        #expect(status == 200)
        #expect(body.contains("LessonStarted"), "the window reads the shell's store while the shell runs")
        // The fixture's lessons declare no read models: the list is empty and says which lesson the workspace is on.
        let (modelsStatus, models) = try await get(address + "api/read-models")
        #expect(modelsStatus == 200)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(models.utf8)) as? [String: Any], "\(models)")
        #expect((list["readModels"] as? [Any])?.isEmpty == true, "\(models)")
        #expect((list["lesson"] as? [String: Any])?["id"] is String, "\(models)")
        #expect(try await get(address + "api/read-models/queue").0 == 404)
        shell.type("ui")
        #expect(shell.waitFor("the window is open at \(address)"))

        // The page at any address (a pasted link), its script, and an API that only reads.
        let (pageStatus, page) = try await get(address + "streams/order-323?rev=2")
        #expect(pageStatus == 200)
        #expect(page.contains("<script src=\"/window.js\"></script>"))
        #expect(try await get(address + "window.js").1.contains("new EventSource"))
        let (refusedStatus, refusedBody) = try await get(address + "api/streams/progress-learner", method: "POST")
        #expect(refusedStatus == 405)
        #expect(refusedBody == #"{"error":"the window only reads: POST is not allowed"}"#)
        let (badStatus, badBody) = try await get(address + "api/streams/progress-learner?limit=0")
        #expect(badStatus == 400)
        #expect(badBody == #"{"error":"parameter 'limit' takes a number from 1 to 1000, not '0'"}"#)

        // A second window on the same port, from the command line: refused, with what to do.
        let port = try #require(address.split(separator: ":").last?.split(separator: "/").first)
        let refused = try WorkshopProcess.run(
            arguments(["ui", "--port", String(port)]), environment: WorkshopProcess.environment(home: folder.path))
        #expect(refused.status != 0)
        #expect(
            refused.errors.contains("port \(port) on 127.0.0.1 is already in use (another `workshop ui`?); choose another with --port N"))

        let badHost = try WorkshopProcess.run(
            arguments(["ui", "--host", "my laptop"]), environment: WorkshopProcess.environment(home: folder.path))
        #expect(badHost.status != 0)
        #expect(badHost.errors.contains("'my laptop' is not an address to listen on"))

        shell.type("quit")
        shell.process.waitUntilExit()
        #expect(shell.process.terminationStatus == 0)
    }
}

extension OpenShell {
    /// The window's address, from the line `ui` printed.
    func address() throws -> String {
        let line = try #require(text.components(separatedBy: "\n").first { $0.contains("the window on your store: ") })
        return String(try #require(line.components(separatedBy: "the window on your store: ").last?.split(separator: " ").first))
    }
}
