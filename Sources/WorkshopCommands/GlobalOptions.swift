import ArgumentParser
import Foundation
import UserFacing

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
///
/// The one string-built error left: each is written once where a command gives up and read only by
/// a person, never matched on; the layers below throw enums of their own.
struct WorkshopError: UserFacingError {
    var problem: String
    var remedy: String?
    init(_ problem: String, remedy: String? = nil) {
        self.problem = problem
        self.remedy = remedy
    }
}
