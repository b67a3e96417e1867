import ArgumentParser
import Foundation

/// Options every command accepts, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The learner's workspace (default: ./workspace, or $WORKSHOP_WORKSPACE).", valueName: "dir"))
    var workspace: String?

    @Option(
        name: .long, help: ArgumentHelp("The lesson pack (default: the tool's lessons/, or $WORKSHOP_PACK).", valueName: "dir"))
    var pack: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL URL to keep streams on a server instead of the workspace's SQLite file (or $WORKSHOP_STORE).", valueName: "url"))
    var store: String?

    var isEmpty: Bool { workspace == nil && pack == nil && store == nil }
}

/// An error a command reports to the person at the keyboard: what went wrong and what to do.
struct WorkshopError: Error, CustomStringConvertible, LocalizedError {
    var description: String
    init(_ description: String) { self.description = description }
    var errorDescription: String? { description }
}
