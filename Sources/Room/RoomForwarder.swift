import EventSourcing
import Foundation
import Workspace

/// Forwards the learner's progress stream to the room: a catch-up subscription with a checkpoint
/// kept in the workspace. It reads from the checkpoint, posts a batch, and moves the checkpoint
/// only once the room has acknowledged it; a lost answer means the batch is sent again, and the
/// room stores each event id once. The local stream stays the source of truth; this outbox only
/// ever reads it, on its own thread, so no command waits for the network.
public final class RoomForwarder: @unchecked Sendable {
    // @unchecked Sendable: its mutable state changes only under `lock` (one pass at a time under `passLock`).
    public enum Link: Equatable, Sendable {
        case connecting
        case connected
        /// No answer; it tries again by itself.
        case offline(String)
        /// The room said no (the code changed, the room was made again): `join` again.
        case refused(String)
    }

    public static let batchSize = 50
    let workspace: Workspace
    let client: RoomClient
    /// How often an idle forwarder says "still here", so the room knows who is connected.
    let heartbeat: TimeInterval
    private let lock = NSLock()
    private let passLock = NSLock()
    private let wake = DispatchSemaphore(value: 0)
    private var membership: RoomMembership
    private var state = Link.connecting
    private var cancelled = false
    private var lastSent = Date.distantPast
    private var thread: Thread?
    private var unread: [String] = []
    private var suggested: String?
    /// When the shell this forwarder serves started; nil from the command line, where nobody is
    /// there to ask, so a suggestion is left unseen for the next shell rather than consumed.
    public var asksSince: Date? {
        get { lock.withLock { shellStarted } }
        set { lock.withLock { shellStarted = newValue } }
    }
    private var shellStarted: Date?

    public init(workspace: Workspace, membership: RoomMembership, heartbeat: TimeInterval = 5, timeout: TimeInterval = 5) {
        self.workspace = workspace
        self.membership = membership
        self.heartbeat = heartbeat
        client = RoomClient(url: membership.url, timeout: timeout)
    }

    public var link: Link { lock.withLock { state } }
    public var room: RoomMembership { lock.withLock { membership } }

    /// Progress events the room has not acknowledged yet.
    public var waiting: Int {
        let next = room.checkpoint
        let last = (try? workspace.progressStore.currentRevision(of: ProgressEvent.stream)) ?? nil
        return last.map { $0 + 1 > next ? Int($0 + 1 - next) : 0 } ?? 0
    }

    /// The instructor's announcements that came since the last call, oldest first.
    public func takeAnnouncements() -> [String] {
        lock.withLock {
            defer { unread = [] }
            return unread
        }
    }

    /// The lesson of the instructor's latest `catch-up` suggestion not yet asked about, taken once.
    public func takeSuggestion() -> String? {
        lock.withLock {
            defer { suggested = nil }
            return suggested
        }
    }

    /// Starts the background thread.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "room forwarder"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Something was recorded: send it now rather than at the next tick.
    public func nudge() { wake.signal() }

    /// Stops the thread, sending what is left first if the room answers within `within` seconds.
    public func stop(within seconds: TimeInterval = 2) {
        lock.withLock { cancelled = true }
        wake.signal()
        if case .connected = link {
            let deadline = Date().addingTimeInterval(seconds)
            while waiting > 0, Date() < deadline, (try? pass(force: false, timeout: max(0.2, deadline.timeIntervalSinceNow))) != nil {}
        }
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    private func run() {
        var retry: TimeInterval = 0.5
        while !isCancelled {
            // Commands nudge it; the tick only picks up what another process recorded.
            var pause = 0.5
            do throws(RoomClient.Failure) {
                try pass(force: Date().timeIntervalSince(lock.withLock { lastSent }) >= heartbeat)
                set(.connected)
                retry = 0.5
            } catch .refused(let status, let message) where status != 503 {
                set(.refused(message))
                pause = 10
            } catch {
                set(.offline(error.description))
                pause = retry
                retry = min(retry * 2, 5)
            }
            _ = wake.wait(timeout: .now() + pause)
        }
    }

    /// Sends every event after the checkpoint, in batches; with `force`, an empty batch when there
    /// is nothing to send (the heartbeat). Returns how many events the room newly stored.
    @discardableResult
    public func pass(force: Bool, timeout: TimeInterval? = nil) throws(RoomClient.Failure) -> Int {
        passLock.lock()
        defer { passLock.unlock() }
        var client = self.client
        if let timeout { client.timeout = timeout }
        var stored = 0
        var sentOnce = false
        while true {
            let room = self.room
            let events: [RecordedEvent]
            do {
                events = try workspace.progressStore.read(
                    ProgressEvent.stream, from: room.checkpoint, direction: .forwards, limit: Self.batchSize)
            } catch {
                events = []
            }
            if events.isEmpty && (sentOnce || !force) { return stored }
            let receipt = try client.send(
                RoomWire.Events(
                    code: room.code, learner: room.learner, events: events.compactMap(Self.wire), after: room.announcementsSeen,
                    suggestionsAfter: room.suggestionsSeen)
            )
            sentOnce = true
            stored += receipt.stored
            let news = receipt.announcements ?? []
            let suggestions = receipt.suggestions ?? []
            lock.withLock {
                if let since = shellStarted, let last = suggestions.last {
                    suggested = Self.question(in: suggestions, shellStarted: since)?.lesson ?? suggested
                    membership.suggestionsSeen = last.revision
                }
                lastSent = Date()
                unread += news.map(\.line)
                if let seen = news.last?.revision { membership.announcementsSeen = seen }
                if let last = events.last { membership.checkpoint = last.revision + 1 }
            }
            let planChanged = lock.withLock {
                defer { membership.schedule = receipt.schedule }
                return membership.schedule != receipt.schedule
            }
            if !news.isEmpty || !events.isEmpty || planChanged || !suggestions.isEmpty { try? self.room.save(in: workspace) }
            guard !events.isEmpty else { return stored }
            if events.count < Self.batchSize { return stored }
        }
    }

    /// The suggestion a shell asks about among those received: the latest made after the shell
    /// started (one made before it, while nobody could answer, is stale), or none. Every one
    /// received is then seen: asked or dropped, none is asked twice.
    public static func question(in suggestions: [RoomWire.Suggestion], shellStarted: Date) -> RoomWire.Suggestion? {
        // The wire keeps whole seconds: a suggestion in the shell's first second counts as after it.
        suggestions.last { ($0.at ?? .distantFuture) >= shellStarted.addingTimeInterval(-1) }
    }

    private func set(_ link: Link) { lock.withLock { state = link } }

    /// A stored progress event as the wire carries it, its texts clipped to the room's limits.
    public static func wire(_ event: RecordedEvent) -> RoomWire.Event? {
        guard var body = try? event.decode(ProgressEvent.Body.self) else { return nil }
        let limit = RoomValidation.maxLineLength
        body.line = body.line.map { String($0.prefix(limit)) }
        body.firstFailure = body.firstFailure.map { String($0.prefix(limit)) }
        return RoomWire.Event(id: event.eventId, type: event.type, body: body, at: event.createdAt)
    }
}
