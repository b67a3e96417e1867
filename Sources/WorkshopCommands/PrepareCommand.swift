import ArgumentParser
import Checking
import Foundation
import Shell
import ToolFiles
import Workspace

/// `prepare`: builds, once per toolchain, the kit every learner's code compiles against, so the
/// first `check` costs what every later one does. `make run` calls it before opening the shell.
struct PrepareCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare", abstract: "Build the kit your code compiles against (once; `make run` does it for you).")
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let runtime = try LearnerRuntime.find()
        let out = session.out
        if runtime.builder.kitIsBuilt { return out.line(out.styled("the kit is ready", .dim)) }
        try runtime.ensureKit { out.line(out.styled($0, .dim)) }
    }
}
