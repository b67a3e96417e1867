import Curriculum
import Shell
import TestSupport
import Workspace

@testable import WorkshopCommands

/// The command table over a workspace in a temporary folder, with a screen the test reads: the
/// shell as a learner drives it, without a process or a terminal.
struct InProcessShell {
    let table: CommandTable
    let screen: () -> String
    let workspace: Workspace

    init(course: Course, in folder: TemporaryFolder, width: Int = 80) throws {
        workspace = try Workspace(root: folder.url.appendingPathComponent("ws"))
        let (output, text) = Output.buffer(width: width)
        screen = text
        table = CommandTable(
            session: Session(
                course: course, workspace: workspace, out: output,
                terminal: Terminal(isInteractive: false, usesColour: false, width: width)))
    }
}
