import ArgumentParser
import Curriculum
import Dispatch
import EventStores
import Foundation
import Room
import Shell
import StoreWindow
import Workspace

/// `workshop room host|status`: the instructor's side of a room. Not a shell command: the room
/// runs on the instructor's machine, beside (not inside) a learner's workspace.
struct RoomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "room", abstract: "Host a room for a workshop, and see who is stuck (for instructors).",
        subcommands: [
            RoomHostCommand.self, RoomStatusCommand.self, RoomWatchCommand.self, RoomAnnounceCommand.self, RoomScheduleCommand.self,
            RoomSuggestCommand.self,
        ],
        defaultSubcommand: RoomStatusCommand.self)
}

struct RoomOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The room's folder: its join code, token and store (default: ./room).", valueName: "dir"))
    var folder = "room"
    /// `--store URL` (a PostgreSQL server instead of the folder's SQLite file) and `--pack DIR` (the
    /// agenda the room follows) are the tool's global options: the top command parses them wherever
    /// they stand, so a room's own `--store` would never be set.
    @OptionGroup var global: GlobalOptions
    var store: String? { global.store }

    var room: RoomFolder { RoomFolder(URL(fileURLWithPath: folder)) }

    /// The room this folder holds, with the address its server was last started on; the commands
    /// that talk to the running server (announce, suggest, schedule) start here.
    func hostedRoom() throws -> (settings: RoomFolder.Settings, address: String) {
        guard FileManager.default.fileExists(atPath: room.settingsFile.path), let settings = try? room.settings(),
            let address = settings.address
        else {
            throw WorkshopError("there is no room in \(room.url.path); `workshop room host --folder \(folder)` makes one")
        }
        return (settings, address)
    }
}

struct RoomHostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "host", abstract: "Start the room's server and print the line learners type to join.",
        discussion: "The join code and the instructor token are kept in the folder, so a restarted room is the same room.")
    /// The port of the event store's web UI, as `ui` uses; a room and a window on one laptop need --port.
    static let defaultPort: UInt16 = 2113

    @OptionGroup var options: RoomOptions
    @Option(help: "The address to listen on (default: every interface, so the room's network can join).") var host = "0.0.0.0"
    @Option(help: ArgumentHelp("The port (0 picks a free one).", valueName: "n")) var port: UInt16 = defaultPort

    func run() throws {
        // A server stops on Ctrl-C or SIGTERM even when started by a process that blocked them.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        let folder = options.room
        var settings: RoomFolder.Settings
        let store: any ManagedEventStore
        do {
            settings = try folder.settings()
            store = try folder.store(url: options.store)
        } catch {
            throw WorkshopError("the room's folder \(folder.url.path) cannot be used: \(error)")
        }
        let global = options.global, pack = global.pack
        // The room follows the pack's agenda; a room without a readable pack still runs, without one.
        var agenda: RoomAgenda?
        var unplanned: String?
        do {
            agenda = Self.agenda(
                of: try CoursePackLoader.load(from: Session.packFolder(global, environment: ProcessInfo.processInfo.environment)))
        } catch {
            if pack != nil { throw WorkshopError("the lesson pack \(pack ?? "") cannot be read: \(error)") }
            unplanned = "no agenda (the tool's lesson pack cannot be read: \(error); --pack DIR names one)"
        }
        let service = RoomService(store: store, settings: settings, agenda: agenda)
        let server = try Self.start(service, host: host, port: port)
        settings.address = "http://127.0.0.1:\(server.port)"
        try? folder.save(settings)
        let shown = LocalAddress.forJoinLine(listeningOn: host)
        let url = "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(server.port)"
        // The one line learners type; it goes first, alone, so it can be copied or projected.
        let out = Output.standard(terminal: Terminal.current(environment: ProcessInfo.processInfo.environment))
        out.line("workshop join \(url) \(settings.code)")
        out.line("instructor view: http://127.0.0.1:\(server.port)/#token=\(settings.token)  (the token is yours: do not project it)")
        if let unplanned { out.line(unplanned) }
        out.line("the room's events: \(options.store.map(PostgresEventStore.redacted) ?? folder.storeFile.path) · Ctrl-C stops")
        while true { sleep(3600) }
    }

    /// The pack's days and time boxes, as the room keeps them.
    static func agenda(of course: Course) -> RoomAgenda {
        RoomAgenda(
            days: course.days.map { day in
                RoomAgenda.Day(
                    title: day.title, startsAt: day.startsAt,
                    slots: day.schedule.map { item in
                        switch item {
                        case .lesson(let id, let minutes):
                            RoomAgenda.Slot(lesson: id, title: course.lesson(id)?.title ?? id, minutes: minutes)
                        case .pause(let title, let minutes): RoomAgenda.Slot(lesson: nil, title: title, minutes: minutes)
                        case .debrief(let title, let minutes): RoomAgenda.Slot(lesson: nil, title: "Debrief · \(title)", minutes: minutes)
                        }
                    })
            }, lessons: course.lessons.map(\.id))
    }

    static func start(_ service: RoomService, host: String, port: UInt16) throws -> RoomServer {
        switch BlockingStart.wait(for: { () async throws(WindowServerError) in
            try await RoomServer.start(service: service, host: host, port: port)
        }) {
        case .success(let server): return server
        case .failure(.portInUse(let host, let port)):
            throw WorkshopError("port \(port) on \(host) is already in use (another room, or `workshop ui`?); choose another with --port N")
        case .failure(let error): throw WorkshopError(error.description)
        }
    }
}

/// `room watch`: the status, redrawn in place every two seconds until Ctrl-C, and at once when the
/// window is resized. Each frame is cut to the window (lines to its width, the whole to its height)
/// and drawn over the last one from the top-left, so nothing scrolls and nothing wraps.
struct RoomWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Show the room in a terminal, refreshing in place (and at once on a resize).")
    @OptionGroup var options: RoomOptions

    func run() throws {
        let out = Output.standard(terminal: Terminal.current(environment: ProcessInfo.processInfo.environment))
        // SIGWINCH wakes the loop: the next frame is drawn for the new size without waiting.
        let resized = DispatchSemaphore(value: 0)
        signal(SIGWINCH, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        source.setEventHandler { resized.signal() }
        source.resume()
        defer { source.cancel() }
        while true {
            let (view, running) = try RoomStatusCommand.read(options)
            let width = out.width
            let (buffer, text) = Output.buffer(width: width)
            buffer.styler = out.styler
            RoomStatusCommand.render(view, running: running, out: buffer)
            out.write(Self.frame(text(), width: width, height: Terminal.windowHeight(of: STDOUT_FILENO) ?? 24))
            _ = resized.wait(timeout: .now() + 2)
        }
    }

    /// `text` as one frame of `width` columns and `height` rows: home, each line cut to the width
    /// and its rest erased, the lines past the window said in one last line, the rest of the screen erased.
    static func frame(_ text: String, width: Int, height: Int) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        let rows = max(1, height - 1)
        if lines.count > rows {
            let hidden = lines.count - rows + 1
            lines = Array(lines.prefix(rows - 1)) + ["… \(hidden) more lines (a taller window shows them)"]
        }
        let cut = lines.map { line -> String in
            guard Styler.visibleWidth(line) > width else { return line }
            // A cut line loses its colours: an escape sequence is never cut in two.
            var kept = "", columns = 0
            for character in Styler.stripped(line) {
                let next = Styler.visibleWidth(String(character))
                if columns + next > width - 1 { break }
                kept.append(character)
                columns += next
            }
            return kept + "…"
        }
        return "\u{1B}[H" + cut.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n") + "\u{1B}[J"
    }
}

struct RoomAnnounceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce", abstract: "Send a line to every shell in the room (shown before each learner's next prompt).")

    @OptionGroup var options: RoomOptions
    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The line.", valueName: "line")) var words: [String] = []

    func run() throws {
        let (settings, address) = try options.hostedRoom()
        let line = words.joined(separator: " ")
        do {
            try RoomClient(url: address).announce(line, token: settings.token)
        } catch {
            throw WorkshopError("not announced: \(error) (is `workshop room host` running?)")
        }
        print("announced to the room: \(line)")
    }
}

/// `room suggest`: `catch-up LESSON` to one learner or to everyone behind it; each shell asks first.
struct RoomSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest `catch-up LESSON` to a learner, or to everyone behind the lesson (their shell asks first).",
        discussion: "e.g. `workshop room suggest 4` (everyone not yet on lesson 4), `workshop room suggest 4 --learner ada`")

    @OptionGroup var options: RoomOptions
    @Argument(help: ArgumentHelp("The lesson, by number or id.", valueName: "lesson")) var lesson: String
    @Option(help: ArgumentHelp("Only this learner (their name in the room).", valueName: "name")) var learner: String?

    func run() throws {
        let (settings, address) = try options.hostedRoom()
        // A number is the pack's; the room's agenda knows lessons by id.
        let course = try? CoursePackLoader.load(from: Session.packFolder(options.global, environment: ProcessInfo.processInfo.environment))
        let id = course.flatMap { try? Session.lesson(lesson, in: $0).id } ?? lesson
        let answer: RoomWire.Suggested
        do {
            answer = try RoomClient(url: address).suggest(RoomWire.Suggest(lesson: id, learner: learner), token: settings.token)
        } catch {
            throw WorkshopError("not suggested: \(error) (is `workshop room host` running?)")
        }
        print(
            answer.learners.isEmpty
                ? "nobody is behind \(id): nothing suggested"
                : "suggested `catch-up \(id)` to \(answer.learners.joined(separator: ", ")) (each shell asks before doing it)")
    }
}

/// `room schedule`: the room's agenda, changed for this room without touching the pack.
struct RoomScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Show or change the room's agenda: the day it is on, the day's start, a lesson's time box.",
        discussion: """
            Each change is an event in the room's store; the pack is never copied. Learners' `agenda` shows the room's times.
            e.g. `workshop room schedule --day 2 --starts 09:30`, `workshop room schedule --lesson 03-commands --minutes 60`
            """)

    @OptionGroup var options: RoomOptions
    @Option(help: ArgumentHelp("The day the room is on (from 1).", valueName: "n")) var day: Int?
    @Option(help: ArgumentHelp("The day's start, as HH:MM (the day given, else the room's day).", valueName: "time")) var starts: String?
    @Option(help: ArgumentHelp("A lesson whose time box changes (with --minutes).", valueName: "id")) var lesson: String?
    @Option(help: ArgumentHelp("The lesson's new time box in minutes.", valueName: "n")) var minutes: Int?

    func validate() throws {
        if (lesson == nil) != (minutes == nil) { throw ValidationError("--lesson and --minutes go together") }
    }

    func run() throws {
        let (settings, address) = try options.hostedRoom()
        let data: Data
        do {
            data = try RoomClient(url: address).schedule(
                RoomWire.Schedule(day: day, starts: starts, lesson: lesson, minutes: minutes), token: settings.token)
        } catch {
            throw WorkshopError("the schedule is unchanged: \(error) (is `workshop room host` running?)")
        }
        let out = Output.standard(terminal: Terminal.current(environment: ProcessInfo.processInfo.environment))
        guard let pace = try? RoomStatusCommand.decoder.decode(RoomPace.self, from: data) else {
            return out.line("the room has no agenda")
        }
        RoomStatusCommand.render(pace, out: out)
    }
}

struct RoomStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Print the room once: learners, their lesson and last check, the help queue.")

    @OptionGroup var options: RoomOptions
    @Flag(help: "Print JSON.") var json = false

    struct Status: Encodable {
        var server: String
        var room: RoomView
    }

    func run() throws {
        let (view, running) = try Self.read(options)
        let terminal = Terminal.current(environment: ProcessInfo.processInfo.environment)
        let out = Output.standard(terminal: terminal)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let status = Status(server: running ? "running" : "not running", room: view)
            return out.line(String(decoding: try encoder.encode(status), as: UTF8.self))
        }
        Self.render(view, running: running, out: out)
    }

    /// The room now: from the running server (which knows who is connected), else from the store.
    static func read(_ options: RoomOptions) throws -> (RoomView, running: Bool) {
        let folder = options.room
        guard FileManager.default.fileExists(atPath: folder.settingsFile.path) else {
            throw WorkshopError("there is no room in \(folder.url.path); `workshop room host --folder \(options.folder)` makes one")
        }
        let settings = try folder.settings()
        if let address = settings.address,
            let data = try? RoomClient(url: address, timeout: 5).get("api/room", token: settings.token),
            let fetched = try? decoder.decode(RoomView.self, from: data)
        {
            return (fetched, true)
        }
        return (try RoomService(store: try folder.store(url: options.store), settings: settings).current(), false)
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        return decoder
    }()

    static func render(_ view: RoomView, running: Bool, out: Output) {
        let connected = view.learners.filter(\.connected).count
        out.line(
            out.styled("the room", .bold) + " · \(view.learners.count) learners"
                + (running ? " · \(connected) connected" : " · the server is not running (connected unknown)")
                + " · \(view.forwarded) events")
        if view.help.isEmpty {
            out.line("help queue: nobody is waiting")
        } else {
            out.line(out.styled("help queue", .bold))
            for (index, request) in view.help.enumerated() {
                let line = request.line.isEmpty ? "" : " · “\(request.line)”"
                out.line("  \(index + 1). \(request.name) · \(request.lesson)\(line) · \(request.status)")
            }
        }
        if let pace = view.pace { render(pace, out: out) }
        guard !view.learners.isEmpty else { return out.line("nobody has joined yet") }
        let rows = view.learners.map { row -> [String] in
            let check = row.total.map { "\(row.passed ?? 0) of \($0)" } ?? "–"
            return [
                row.name, row.lesson ?? "–", row.red ? out.styled(check, .failure) : check, row.firstFailure ?? "", row.errorClass ?? "",
                row.minutesSinceGreen.map(String.init) ?? "", "\(row.hintsUsed)" + (row.referenceViewedEarly ? " · saw reference" : ""),
                running ? (row.connected ? "yes" : "no") : "?",
                row.help.map { $0.status == "taken" ? "taken" : "asked" } ?? "", row.pace ?? "",
            ]
        }
        for line in TableRenderer(styler: out.styler, width: out.width).render(
            header: ["learner", "lesson", "check", "first failing", "error", "min red", "hints", "connected", "help", "pace"], rows: rows)
        {
            out.line(line)
        }
    }

    /// The day against its time boxes: a bar per lesson, the one the clock says marked.
    static func render(_ pace: RoomPace, out: Output) {
        let plan = pace.plan
        var head = plan.title
        if let start = plan.startsAt { head += " · from \(RoomPace.clock(start))" + (plan.startMoved ? " (moved)" : "") }
        if let expected = pace.expected { head += " · the room should be on \(expected)" }
        out.line(out.styled(head, .bold))
        out.line("\(pace.ahead) ahead · \(pace.onTime) on time · \(pace.behind) behind")
        let widest = max(1, pace.bars.map(\.learners).max() ?? 1, pace.before, pace.after)
        // The bars take what the window leaves beside the time and the lesson's id.
        let room = max(5, min(30, out.width - 48))
        func bar(_ count: Int) -> String {
            count == 0 ? "0" : String(repeating: "█", count: (count * room + widest - 1) / widest) + " \(count)"
        }
        var rows: [[String]] = []
        if pace.before > 0 { rows.append(["", "", "not started or earlier", bar(pace.before)]) }
        for item in pace.bars {
            let time = item.start.map { "\(RoomPace.clock($0))–\(RoomPace.clock($0 + item.minutes))" } ?? "\(item.minutes) min"
            let here = item.lesson == pace.expected
            rows.append([here ? "▶" : "", time, item.lesson, here ? out.styled(bar(item.learners), .accent) : bar(item.learners)])
        }
        if pace.after > 0 { rows.append(["", "", "later days", bar(pace.after)]) }
        for line in TableRenderer(styler: out.styler, width: out.width).render(header: ["", "time", "lesson", "learners"], rows: rows)
            .dropFirst()
        {
            out.line(line)
        }
    }
}
