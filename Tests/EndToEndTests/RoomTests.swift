import EventSourcing
import EventStores
import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A room with real learners: the room's server and every learner's shell are `workshop`
/// processes of their own, with their own workspaces, on loopback.
@Suite("The room, with real learners", .serialized)
struct RoomEndToEndTests {
    let folder = TemporaryFolder()
    var pack: URL { folder.url.appendingPathComponent("lessons") }
    var roomFolder: URL { folder.url.appendingPathComponent("room") }

    init() { PackFixture.write(in: folder, lessons: 2) }

    func environment() -> [String: String] { WorkshopProcess.environment(home: folder.path, extra: ["USER": "tester"]) }

    /// `room host` on loopback, following the fixture pack's agenda; returns the process and the
    /// URL and code of its join line.
    func host(port: UInt16 = 0) throws -> (OpenShell, String, String) {
        let host = try OpenShell(
            arguments: ["room", "host", "--folder", roomFolder.path, "--host", "127.0.0.1", "--port", String(port), "--pack", pack.path],
            environment: environment())
        #expect(host.waitFor("Ctrl-C stops"), "room host printed: \(host.text)")
        let line = try #require(host.text.components(separatedBy: "\n").first { $0.hasPrefix("workshop join ") })
        let words = line.split(separator: " ").map(String.init)
        try #require(words.count == 4, "the join line is exactly `workshop join URL CODE`: \(line)")
        return (host, words[2], words[3])
    }

    func shell(_ index: Int) throws -> OpenShell {
        try OpenShell(
            arguments: ["--pack", pack.path, "--workspace", folder.url.appendingPathComponent("ws-\(index)").path],
            environment: environment())
    }

    /// `room status --json`, read back.
    func status() throws -> [String: Any] {
        let result = try WorkshopProcess.run(["room", "status", "--folder", roomFolder.path, "--json"], environment: environment())
        try #require(result.status == 0, "room status failed: \(result.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    func forwarded() -> Int {
        ((try? status())?["room"] as? [String: Any])?["forwarded"] as? Int ?? -1
    }

    func request(_ url: String, method: String = "GET", body: Data? = nil, token: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("a wrong code is refused with a clear message and a non-zero exit; malformed requests get a 4xx; the view needs the token")
    func refusals() async throws {
        let (host, url, code) = try host()
        defer { host.stop() }
        #expect(code.range(of: #"^[A-Z2-9]{3}-[A-Z2-9]{3}$"#, options: .regularExpression) != nil)
        let workspace = folder.url.appendingPathComponent("ws").path
        let wrong = try WorkshopProcess.run(
            ["--pack", pack.path, "--workspace", workspace, "join", url, "AAA-AAA", "--name", "kim"], environment: environment())
        #expect(wrong.status != 0)
        #expect(wrong.errors.contains("the room at \(url) refused the code 'AAA-AAA': wrong join code"), "\(wrong.errors)")
        let notThere = try WorkshopProcess.run(
            ["--pack", pack.path, "--workspace", workspace, "help-me"], environment: environment())
        #expect(notThere.status != 0)
        #expect(notThere.errors.contains("you are not in a room"))

        #expect(try await request(url + "/room/events", method: "POST", body: Data("{".utf8)).0 == 400)
        #expect(try await request(url + "/room/join", method: "POST", body: Data(#"{"code":"\#(code)"}"#.utf8)).0 == 400)
        #expect(try await request(url + "/room/events", method: "POST", body: Data(repeating: 65, count: 100_000)).0 == 413)
        let (status, body) = try await request(url + "/api/room")
        #expect(status == 401)
        #expect(body.contains("instructor token"))
        #expect(try await request(url + "/api/room", token: code).0 == 403)
        #expect(try await request(url + "/nothing/here").0 == 404)
        // The server is still up after all of it.
        let settings = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: roomFolder.appendingPathComponent("room.json"))) as? [String: Any])
        #expect(try await request(url + "/api/room", token: settings["token"] as? String).0 == 200)
    }

    /// The issue's room: 30 learners, each a shell of its own. Checks take a compile each, too
    /// slow for 30 on two cores, so the learners start lessons and read hints, which are recorded
    /// and forwarded the same way.
    @Test("30 learners forward their progress; the room server stops and restarts mid-stream; afterwards it holds every event exactly once")
    func thirtyLearners() throws {
        let learners = 30
        var (host, url, code) = try host()
        let port = try #require(url.split(separator: ":").last.flatMap { UInt16($0) })
        var shells: [OpenShell] = []
        defer {
            for shell in shells { shell.stop() }
            host.stop()
        }
        for index in 0..<learners {
            let shell = try shell(index)
            shells.append(shell)
            shell.type("join \(url) \(code) --name learner-\(index)")
            shell.type("start 1")
            shell.type("hint")
        }
        for shell in shells { #expect(shell.waitFor("joined the room at \(url)"), "\(shell.text)") }
        #expect(waitUntil { forwarded() == learners * 2 }, "the room holds \(forwarded()) events")

        // The link is cut: the room's server stops while learners go on working.
        host.stop()
        for shell in shells {
            shell.type("hint")
            shell.type("start 2")
        }
        for shell in shells { #expect(shell.waitFor("lesson 02")) }
        Thread.sleep(forTimeInterval: 1)
        (host, _, _) = try self.host(port: port)
        for shell in shells {
            shell.type("hint")
            shell.type("help-me stuck on step 2")
        }
        #expect(waitUntil(seconds: 90) { forwarded() == learners * 6 }, "the room holds \(forwarded()) events")
        for shell in shells { shell.type("join") }
        for shell in shells { #expect(shell.waitFor("connected · 0 events waiting to be sent"), "\(shell.text)") }

        // Every learner's local stream, event for event, and nothing twice.
        let room = try SQLiteEventStore(path: roomFolder.appendingPathComponent("room.sqlite").path)
        for index in 0..<learners {
            let workspace = folder.url.appendingPathComponent("ws-\(index)/.workshop")
            let local = try SQLiteEventStore(path: workspace.appendingPathComponent("events.sqlite").path)
            let localIds = try local.read("$progress-learner").map(\.eventId)
            let membership = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.appendingPathComponent("room.json"))) as? [String: Any])
            let learner = try #require(membership["learner"] as? String).lowercased()
            let remoteIds = try room.read(StreamName("learner-\(learner)")).filter { $0.type != "LearnerJoined" }.map(\.eventId)
            #expect(localIds.count == 6)
            #expect(remoteIds == localIds, "learner \(index): the room's copy differs from the learner's stream")
        }
        let view = try #require(try status()["room"] as? [String: Any])
        let rows = try #require(view["learners"] as? [[String: Any]])
        #expect(rows.count == learners)
        #expect((view["help"] as? [Any])?.count == learners)
        #expect(rows.allSatisfy { $0["lesson"] as? String == "lesson-2" && $0["connected"] as? Bool == true })

        for shell in shells { shell.type("quit") }
        for shell in shells {
            shell.process.waitUntilExit()
            #expect(shell.process.terminationStatus == 0)
        }
    }

    @Test("an announcement reaches every joined shell, between commands; the prompt of a script stays plain")
    func announce() throws {
        let (host, url, code) = try host()
        defer { host.stop() }
        let shells = try (0..<3).map { try shell($0) }
        defer { for shell in shells { shell.stop() } }
        for (index, shell) in shells.enumerated() { shell.type("join \(url) \(code) --name learner-\(index)") }
        for shell in shells { #expect(shell.waitFor("joined the room")) }
        let announced = try WorkshopProcess.run(
            ["room", "announce", "--folder", roomFolder.path, "break", "until", "11:00"], environment: environment())
        #expect(announced.status == 0, "\(announced.errors)")
        // The forwarder asks at least every five seconds; the line shows before the next prompt.
        Thread.sleep(forTimeInterval: 6)
        for shell in shells { shell.type("join") }
        for shell in shells {
            #expect(shell.waitFor("announcement: break until 11:00"), "\(shell.text)")
            #expect(!shell.text.contains("workshop ["))
        }
        let noRoom = try WorkshopProcess.run(
            ["room", "announce", "--folder", folder.url.appendingPathComponent("nowhere").path, "hi"], environment: environment())
        #expect(noRoom.status != 0 && noRoom.errors.contains("there is no room in"))
    }

    @Test("the instructor moves the day's start and a time box; a joined learner's `agenda` shows the room's times and place")
    func schedule() throws {
        let (host, url, code) = try host()
        defer { host.stop() }
        let moved = try WorkshopProcess.run(
            [
                "room", "schedule", "--folder", roomFolder.path, "--starts", "07:30", "--lesson", "lesson-1", "--minutes", "45",
            ], environment: environment())
        #expect(moved.status == 0, "\(moved.errors)")
        // The fixture's day one has one lesson: before, in and after the day, the room should be on it.
        #expect(moved.output.contains("from 07:30 (moved) · the room should be on lesson-1"), "\(moved.output)")
        let refused = try WorkshopProcess.run(
            ["room", "schedule", "--folder", roomFolder.path, "--lesson", "nope", "--minutes", "10"], environment: environment())
        #expect(refused.status != 0 && refused.errors.contains("a time box is changed for a lesson of the course"), "\(refused.errors)")
        let shell = try shell(0)
        defer { shell.stop() }
        shell.type("join \(url) \(code) --name kim")
        #expect(shell.waitFor("joined the room"))
        // The plan comes with the room's next answer (the shell says "still here" every five seconds).
        #expect(
            waitUntil(seconds: 30) {
                (try? String(contentsOf: folder.url.appendingPathComponent("ws-0/.workshop/room.json"), encoding: .utf8))?.contains(
                    "schedule") == true
            })
        shell.type("agenda")
        #expect(shell.waitFor("◀ the room"), "\(shell.text)")
        #expect(shell.text.contains("the room is on day 1 from 07:30 · it should be on 01 Lesson number 1 now"), "\(shell.text)")
        #expect(shell.text.contains("07:30–08:15  01  Lesson number 1 (45 min)"), "\(shell.text)")
        let status = try status()
        let pace = try #require((status["room"] as? [String: Any])?["pace"] as? [String: Any])
        #expect(pace["expected"] as? String == "lesson-1")
        #expect((pace["behind"] as? Int ?? 0) + (pace["onTime"] as? Int ?? 0) == 1)
        #expect(pace["ahead"] as? Int == 0)
    }

    @Test("a suggested catch-up is asked about before the next prompt; y does it, n leaves it, through a pipe and a terminal")
    func suggestion() throws {
        let (host, url, code) = try host()
        defer { host.stop() }
        let piped = try shell(0)
        defer { piped.stop() }
        piped.type("join \(url) \(code) --name pia")
        #expect(piped.waitFor("joined the room"))
        let workspace = folder.url.appendingPathComponent("ws-1").path
        let terminal = try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["--pack", pack.path, "--workspace", workspace],
            environment: environment(), columns: 120, rows: 30)
        defer { terminal.type("quit" + PseudoTerminal.Key.enter) }
        _ = try terminal.waitFor("workshop>", timeout: 30)
        terminal.type("join \(url) \(code) --name tess" + PseudoTerminal.Key.enter)
        _ = try terminal.waitFor("joined the room", timeout: 30)
        // A third learner joined from the command line, with no shell open to ask.
        let late = folder.url.appendingPathComponent("ws-2").path
        let cli = try WorkshopProcess.run(
            ["--pack", pack.path, "--workspace", late, "join", url, code, "--name", "cole"], environment: environment())
        #expect(cli.status == 0, "\(cli.errors)")
        // Neither has started lesson-2: both are behind it.
        let suggested = try WorkshopProcess.run(
            ["room", "suggest", "2", "--folder", roomFolder.path, "--pack", pack.path], environment: environment())
        #expect(suggested.status == 0, "\(suggested.errors)")
        #expect(
            suggested.output.contains("suggested `catch-up lesson-2` to") && suggested.output.contains("pia")
                && suggested.output.contains("tess"))
        // It comes with the room's next answer (a heartbeat within five seconds), asked before the next prompt.
        Thread.sleep(forTimeInterval: 6)
        piped.type("join")
        #expect(piped.waitFor("the instructor suggests `catch-up 2`"), "\(piped.text)")
        piped.type("y")
        #expect(piped.waitFor("reference installed"), "\(piped.text)")
        terminal.type("join" + PseudoTerminal.Key.enter)
        _ = try terminal.waitFor("Do it? [y/N]", timeout: 20)
        // Enter alone is an answer: the default, no.
        terminal.type(PseudoTerminal.Key.enter)
        _ = try terminal.waitFor("not now: `catch-up 2` does it when you want", timeout: 20)
        // From the command line nobody is there to ask: `join` says nothing of it, and a shell opened
        // afterwards is not asked about a suggestion made before it started.
        let asked = try WorkshopProcess.run(["--pack", pack.path, "--workspace", late, "join"], environment: environment())
        #expect(!asked.output.contains("suggests"), "\(asked.output)")
        let fresh = try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["--pack", pack.path, "--workspace", late],
            environment: environment(), columns: 120, rows: 30)
        defer { fresh.type("quit" + PseudoTerminal.Key.enter) }
        _ = try fresh.waitFor("workshop [room", timeout: 30)
        Thread.sleep(forTimeInterval: 6)
        fresh.type("join" + PseudoTerminal.Key.enter)
        _ = try fresh.waitFor("in the room at", timeout: 20)
        #expect(!fresh.screen.contains("the instructor suggests"), "\(fresh.screen)")
        #expect(!terminal.screen.contains("reference installed"))
        let progress = try WorkshopProcess.run(["--pack", pack.path, "--workspace", workspace, "lessons"], environment: environment())
        #expect(!progress.output.contains("skipped"), "declining changes nothing: \(progress.output)")
    }

    @Test("a room on a PostgreSQL store keeps its events there, not in the folder, and a restarted room reads them back")
    func postgres() throws {
        let url = try TestPostgres.freshSchema(named: "room")
        let host = try OpenShell(
            arguments: [
                "room", "host", "--folder", roomFolder.path, "--host", "127.0.0.1", "--port", "0", "--store", url, "--pack", pack.path,
            ],
            environment: environment())
        #expect(host.waitFor("Ctrl-C stops"), "room host printed: \(host.text)")
        let line = try #require(host.text.components(separatedBy: "\n").first { $0.hasPrefix("workshop join ") })
        let words = line.split(separator: " ").map(String.init)
        let workspace = folder.url.appendingPathComponent("ws-pg").path
        for arguments in [["join", words[2], words[3], "--name", "pat"], ["help-me", "stuck on facts"]] {
            let result = try WorkshopProcess.run(["--pack", pack.path, "--workspace", workspace] + arguments, environment: environment())
            #expect(result.status == 0, "\(result.errors)")
        }
        host.stop()
        #expect(
            !FileManager.default.fileExists(atPath: roomFolder.appendingPathComponent("room.sqlite").path), "the events went to the folder")
        let status = try WorkshopProcess.run(
            ["room", "status", "--folder", roomFolder.path, "--store", url, "--json"], environment: environment())
        try #require(status.status == 0, "\(status.errors)")
        let room = try #require(
            (try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])?["room"] as? [String: Any])
        #expect((room["learners"] as? [[String: Any]])?.map { $0["name"] as? String } == ["pat"])
        #expect((room["help"] as? [[String: Any]])?.first?["line"] as? String == "stuck on facts")
    }

    @Test("room watch redraws the room in place, cut to the window, and at once for a resized one")
    func watch() throws {
        let (host, url, code) = try host()
        defer { host.stop() }
        for index in 0..<12 {
            let joined = try WorkshopProcess.run(
                [
                    "--pack", pack.path, "--workspace", folder.url.appendingPathComponent("ws-\(index)").path, "join", url, code, "--name",
                    "learner-\(index)-with-a-rather-long-name",
                ], environment: environment())
            try #require(joined.status == 0, "\(joined.errors)")
        }
        let terminal = try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["room", "watch", "--folder", roomFolder.path],
            environment: environment(), columns: 100, rows: 40)
        defer { terminal.type(PseudoTerminal.Key.ctrlC) }
        // Two frames: the second is drawn over the first, so the screen holds the room once.
        let twice = try terminal.waitUntil("a second frame", timeout: 20) { _ in
            terminal.transcript.components(separatedBy: "\u{1B}[H").count > 2
        }
        _ = twice
        let screen = terminal.screen
        #expect(screen.components(separatedBy: "the room · 12 learners").count == 2, "\(screen)")
        #expect(screen.contains("learner-11-with-a-rather-long-name"), "\(screen)")
        // A narrow, short window: the next frame comes without waiting out the two seconds, cut to fit.
        terminal.clearTranscript()
        terminal.resize(columns: 50, rows: 10)
        _ = try terminal.waitUntil("a frame for the new size", timeout: 20) { _ in terminal.transcript.contains("more lines") }
        let small = ScreenLines(terminal.screen)
        #expect(small.lines.count <= 10, "\(small.lines)")
        #expect(small.lines.allSatisfy { $0.count <= 50 }, "\(small.lines)")
        #expect(small.lines.contains { $0.hasPrefix("… ") && $0.contains("more lines (a taller window shows them)") }, "\(small.lines)")
        #expect(small.lines.contains { $0.hasSuffix("…") }, "a line wider than the window is cut: \(small.lines)")
    }

    /// The lines of a screen, without the empty ones at its end.
    struct ScreenLines {
        var lines: [String]
        init(_ screen: String) {
            lines = screen.components(separatedBy: "\n")
            while lines.last?.isEmpty == true { lines.removeLast() }
        }
    }

    func waitUntil(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.5)
        }
        return false
    }
}
