import ArgumentParser
import Foundation
import Workspace

/// `store [local|shared]`: where the learner's streams are kept, and the way on when a shared
/// server is down: the workspace's own store, said out loud.
struct StoreCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Show where your streams are kept; `store local` goes on without a shared store, `store shared` goes back.",
        discussion: "The switch holds for this shell; your progress always stays in the workspace's own store.")
    static let completions: [ArgumentCompletion] = [.words(["local", "shared"])]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("local or shared", valueName: "switch")) var choice: String?

    func run(in session: Session) throws {
        let store = session.workspace.store
        let out = session.out
        let ownFile = "this workspace's own store (\(session.workspace.storeFile.path))"
        switch choice?.lowercased() {
        case nil:
            guard store.isShared, let url = store.redactedURL else {
                let back = store.redactedURL.map { ", not on the shared store at \($0); `store shared` goes back" } ?? ""
                return out.paragraph("Streams are kept in \(ownFile)\(back).")
            }
            _ = try store.target()
            out.paragraph("Streams are kept on the shared store at \(url), and it answers.")
        case "local":
            store.useLocal()
            let shared = store.redactedURL.map { "; the room on \($0) does not see them, and `store shared` goes back" } ?? ""
            out.paragraph(out.styled("Streams now go to \(ownFile)\(shared).", .warning))
        case "shared":
            try store.useShared()
            out.paragraph("Streams go to the shared store at \(store.redactedURL ?? "") again.")
        case let other?:
            throw WorkshopError("'\(other)' is neither local nor shared; usage: store [local|shared]")
        }
    }
}
