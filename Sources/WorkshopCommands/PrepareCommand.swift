import ArgumentParser
import Checking
import Foundation
import ToolFiles
import Workspace
import Shell

/// `prepare`: builds, once per toolchain, the kit every learner's code compiles against, so the
/// first `check` costs what every later one does. `make run` calls it before opening the shell.
struct PrepareCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare", abstract: "Build the kit your code compiles against (once; `make run` does it for you).")
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let builder = try KitPreparation.builder()
        if builder.kitIsBuilt { return session.out.line(session.out.styled("the kit is ready", .dim)) }
        try KitPreparation.ensureKit(builder, out: session.out)
    }
}

/// The one place that finds the toolchain and the tool's sources for a host build (check, play,
/// grade and lint ask it), and says so when the kit must be built first: that takes seconds, and
/// silence would look like a hang.
enum KitPreparation {
    static func builder() throws -> HostBuilder {
        guard let toolRoot = ToolLocation.packageRoot else {
            throw WorkshopError(
                "cannot find the workshop's own sources (Sources/EventSourcing) to build your code against; run the tool from its repository"
            )
        }
        return HostBuilder(
            toolchain: try Toolchain.find(), toolSources: toolRoot.appendingPathComponent("Sources"),
            cacheFolder: HostBuilder.defaultCacheFolder())
    }

    /// Builds the kit if it is missing, with a line that says what is happening and why.
    static func ensureKit(_ builder: HostBuilder, out: Output) throws {
        guard !builder.kitIsBuilt else { return }
        out.line(out.styled("building the kit your code compiles against (once for this Swift toolchain, about 10 s)…", .dim))
        let started = Date()
        _ = try builder.kit()
        out.line(out.styled("the kit is ready (\(Int(Date().timeIntervalSince(started).rounded())) s)", .dim))
    }
}
