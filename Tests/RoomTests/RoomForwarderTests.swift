import EventSourcing
import Foundation
import Room
import TestSupport
import Testing
import Workspace

/// The forwarder's promise without a network: the checkpoint moves only once the room has
/// acknowledged a batch, so a room that cannot be reached loses nothing. (Forwarding to a room
/// that stops and restarts is tested through real processes, in EndToEndTests' RoomTests.)
@Suite("Forwarding to the room")
struct RoomForwarderTests {
    let folder = TemporaryFolder()

    @Test("a room that does not answer leaves the checkpoint where it was, and the link says offline")
    func unreachable() throws {
        let workspace = try Workspace(root: folder.url.appendingPathComponent("ws"))
        try workspace.record(.lessonStarted(lesson: "a"))
        try workspace.record(.helpAsked(lesson: "a", line: "help"))
        // A port nothing listens on: the connection is refused at once.
        let membership = RoomMembership(url: "http://127.0.0.1:9", code: "K7Q-4MX", learner: UUID(), name: "kim")
        try membership.save(in: workspace)
        let forwarder = RoomForwarder(workspace: workspace, membership: membership, timeout: 1)
        #expect(throws: RoomClient.Failure.self) { try forwarder.pass(force: true) }
        #expect(forwarder.waiting == 2)
        #expect(RoomMembership.load(from: workspace)?.checkpoint == 0)
        forwarder.start()
        let deadline = Date().addingTimeInterval(10)
        while forwarder.link == .connecting, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard case .offline = forwarder.link else { Issue.record("the link is \(forwarder.link)"); return }
        forwarder.stop(within: 0)
    }

    @Test("the progress events forwarded carry their ids, types, bodies and times; help-me's line is clipped to the room's limit")
    func wire() throws {
        let workspace = try Workspace(root: folder.url.appendingPathComponent("ws"))
        try workspace.record(
            .checkRun(lesson: "a", passed: 1, total: 4, firstFailure: String(repeating: "f", count: 500), errorClass: "crash"))
        let recorded = try workspace.progressEvents()[0]
        let body = try #require(ProgressEvent(recorded))
        #expect(body == .checkRun(lesson: "a", passed: 1, total: 4, firstFailure: String(repeating: "f", count: 500), errorClass: "crash"))
        let wire = try #require(RoomForwarder.wire(recorded))
        #expect(wire.id == recorded.eventId && wire.type == "CheckRun")
        #expect(wire.body.firstFailure?.count == RoomValidation.maxLineLength)
        #expect(throws: Never.self) { try RoomValidation.event(wire) }
    }
}
