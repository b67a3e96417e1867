import Curriculum
import EventSourcing
import Foundation

/// The id a domain command runs under, and the shape in which the shell records it on the events it
/// produced: a typed command gets a fresh one; a process's command keeps the id the process gave it
/// (made from its cause), so the same command delivered again is recognised and not decided again.
public struct CommandIdentity: Equatable, Sendable {
    /// The id as the sender gave it (a process may use any text; a typed command, a UUID).
    public var id: String
    /// The event the command was sent in reaction to, when a process sent it.
    public var causedBy: UUID?
    /// Who sent it: the reaction's name, or nil for a command typed in the shell.
    public var sentBy: String?

    public init(id: String, causedBy: UUID?, sentBy: String?) {
        self.id = id
        self.causedBy = causedBy
        self.sentBy = sentBy
    }

    /// A typed command, with an id of its own or one the person gave (to send the same command again).
    public static func typed(id: String? = nil) -> CommandIdentity {
        CommandIdentity(id: id ?? UUID().uuidString.lowercased(), causedBy: nil, sentBy: nil)
    }

    /// The id as the store's causation field holds it: the id itself when it is a UUID, otherwise a
    /// UUID made from its text (FNV-1a, 128 bits, version 8), so the same text is always the same UUID.
    public var uuid: UUID {
        if let uuid = UUID(uuidString: id) { return uuid }
        var bytes = Self.fnv1a(id, basis: 0xcbf2_9ce4_8422_2325) + Self.fnv1a(id, basis: 0x6c62_272e_07bb_0142)
        bytes[6] = (bytes[6] & 0x0f) | 0x80
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    private static func fnv1a(_ text: String, basis: UInt64) -> [UInt8] {
        let hash = text.utf8.reduce(basis) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return (0..<8).map { UInt8(truncatingIfNeeded: hash >> (8 * (7 - $0))) }
    }

    /// The metadata of each event the command produced: which shell command, under which id, whose
    /// shell appended it (on a shared store, more than one learner writes), and (for a process's
    /// command) who sent it in reaction to which event.
    public func metadata(command name: String, appendedBy learner: String? = nil) -> Data {
        var fields: [(String, String)] = [("command", name), ("commandId", id)]
        if let learner { fields.append(("appendedBy", learner)) }
        if let sentBy { fields.append(("sentBy", sentBy)) }
        if let causedBy { fields.append(("commandCausationId", causedBy.uuidString)) }
        var text = "{"
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            OrderedJSON.writeString(field.0, into: &text)
            text += ":"
            OrderedJSON.writeString(field.1, into: &text)
        }
        return Data((text + "}").utf8)
    }

    /// The command id recorded in an event's metadata, if the shell recorded one.
    public static func recorded(in metadata: Data) -> String? {
        guard case .object(let fields)? = try? JSONValue.parse(metadata), case .string(let id)? = fields["commandId"] else { return nil }
        return id
    }
}
