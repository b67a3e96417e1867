import ArgumentParser
import Foundation
import ToolFiles

/// The `workshop` command: with no subcommand it opens the shell; every shell command also runs from here.
public struct Workshop: ParsableCommand {
    public static let version = "0.1.0"

    /// The one command table, in the order `help` lists it.
    static let commands: [any WorkshopCommand.Type] = [
        LessonsCommand.self, LessonCommand.self, StartCommand.self, NextCommand.self, PrevCommand.self,
        HintCommand.self, CheckCommand.self, ScenarioCommand.self, WatchCommand.self, SolutionCommand.self, SkipCommand.self,
        CatchUpCommand.self,
        AgendaCommand.self, ProgressCommand.self, EventsCommand.self, StreamsCommand.self, ShowCommand.self, AllCommand.self,
        StateCommand.self, ReplayCommand.self, MetaCommand.self, WaitCommand.self, StoreCommand.self, UICommand.self, ThemeCommand.self,
        PrepareCommand.self, JoinCommand.self, HelpMeCommand.self,
    ]

    public static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Learn event sourcing from the ground up, in an interactive shell.",
        discussion: """
            With no command, opens the shell (on a terminal it edits lines; from a pipe it reads a script). \
            Every shell command also runs straight from here, e.g. `workshop start 2` or `workshop lessons`.
            """,
        version: "\(version) (kit and course \(ToolLocation.embeddedFingerprint))",
        subcommands: [ShellCommand.self] + commands.map { $0 as ParsableCommand.Type }
            + [GradeCommand.self, LintCommand.self, ReferenceWriteCommand.self, RoomCommand.self],
        defaultSubcommand: ShellCommand.self)

    @OptionGroup var global: GlobalOptions

    public init() {}
}
