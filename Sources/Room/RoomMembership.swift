import Foundation
import Workspace

/// The room a workspace has joined, kept in `.workshop/room.json`: where, with which code, as whom,
/// and the checkpoint of the forwarding (the next revision of the progress stream to send).
public struct RoomMembership: Codable, Sendable, Equatable {
    public var url: String
    public var code: String
    public var learner: UUID
    public var name: String
    /// Every progress event before this revision has been acknowledged by the room.
    public var checkpoint: UInt64
    /// The revision of the last announcement shown in this workspace's shells.
    public var announcementsSeen: UInt64?
    /// The room's day as last planned by the room (its agenda with the instructor's changes).
    public var schedule: DayPlan?
    /// The revision of the last `catch-up` suggestion asked about in this workspace's shells.
    public var suggestionsSeen: UInt64?

    public init(url: String, code: String, learner: UUID, name: String, checkpoint: UInt64 = 0) {
        self.url = url
        self.code = code
        self.learner = learner
        self.name = name
        self.checkpoint = checkpoint
    }

    public static func file(in workspace: Workspace) -> URL { workspace.stateFolder.appendingPathComponent("room.json") }

    public static func load(from workspace: Workspace) -> RoomMembership? {
        guard let data = FileManager.default.contents(atPath: file(in: workspace).path) else { return nil }
        return try? RoomWire.decoder().decode(RoomMembership.self, from: data)
    }

    /// Written atomically: a crash leaves the old checkpoint (events sent again, stored once) or the new.
    public func save(in workspace: Workspace) throws {
        try RoomWire.encode(self).write(to: Self.file(in: workspace), options: .atomic)
    }
}
