import ArgumentParser
import Foundation

/// A command of the one command table: it runs from the command line (`workshop lessons`) and in
/// the shell (`lessons`), parsed by swift-argument-parser in both.
protocol WorkshopCommand: ParsableCommand {
    var global: GlobalOptions { get }
    /// What Tab offers for each positional argument, in order.
    static var completions: [ArgumentCompletion] { get }
    /// Whether what it prints can be long enough to page (lesson text, tables of events).
    static var pagesOutput: Bool { get }
    func run(in session: Session) throws
}

extension WorkshopCommand {
    static var completions: [ArgumentCompletion] { [] }
    static var pagesOutput: Bool { false }

    mutating func run() throws {
        try Session.open(global).run(self)
    }
}

/// The values an argument takes, as far as Tab completion knows them.
enum ArgumentCompletion {
    /// Lesson numbers and ids.
    case lesson
    /// The shell's command names.
    case command
    /// A fixed set of words.
    case words([String])
    /// Stream names in the workspace's store.
    case stream
}
