import Foundation
import Testing

@testable import Playground

/// The ids commands run under in the shell, and how they are recorded on the events they produce.
@Suite("Command ids")
struct CommandIdentityTests {
    @Test("an id made by a process from its cause is always the same UUID, and another cause gives another")
    func derivedIds() {
        let id = CommandIdentity(id: "fulfilment/refund/e2", causedBy: nil, sentBy: "fulfilment")
        #expect(id.uuid == CommandIdentity(id: "fulfilment/refund/e2", causedBy: UUID(), sentBy: nil).uuid)
        #expect(id.uuid != CommandIdentity(id: "fulfilment/refund/e3", causedBy: nil, sentBy: nil).uuid)
        #expect(id.uuid.uuidString.dropFirst(14).first == "8", "version 8: made from text, not random")
    }

    @Test("an id that is a UUID is used as it is; a typed command gets a fresh one unless the person gives one")
    func typedIds() {
        let uuid = UUID()
        #expect(CommandIdentity.typed(id: uuid.uuidString).uuid == uuid)
        #expect(CommandIdentity.typed().id != CommandIdentity.typed().id)
        #expect(CommandIdentity.typed(id: "click-1") == CommandIdentity.typed(id: "click-1"))
    }

    @Test("the metadata names the command, its id and, for a process's command, who sent it in reaction to which event")
    func metadata() {
        let cause = UUID()
        let identity = CommandIdentity(id: #"say "twice""#, causedBy: cause, sentBy: "fulfilment")
        let data = identity.metadata(command: "refund-order")
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"command":"refund-order","commandId":"say \"twice\"","sentBy":"fulfilment","commandCausationId":"\#(cause.uuidString)"}"#
        )
        #expect(CommandIdentity.recorded(in: data) == #"say "twice""#)
        #expect(CommandIdentity.recorded(in: CommandIdentity.typed(id: "x").metadata(command: "pay-order")) == "x")
        #expect(CommandIdentity.recorded(in: Data(#"{"command":"pay-order"}"#.utf8)) == nil, "events stored before commands had ids")
    }
}
