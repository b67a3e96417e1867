import Foundation
import TestSupport
import Testing

/// What `check` tells a learner around the verdicts: when it compiles, under which conditions it
/// ran, and how it shows what failed.
extension CheckTests {
    /// A shell on a pseudo-terminal over this workspace.
    func terminal(columns: UInt16 = 120) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["--workspace", workspace.path],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["TERM": "xterm", "WORKSHOP_CACHE": Self.cache]),
            columns: columns, rows: 60)
    }

    @Test("a check says it is compiling only when it compiles: an unchanged workspace says nothing of it")
    func compilingOnlyWhenCompiling() throws {
        try install("solutions/events-are-facts")
        let terminal = try terminal()
        try terminal.waitFor("workshop>")
        terminal.type("check 1\r")
        try terminal.waitFor("lesson complete", timeout: 120)
        #expect(terminal.transcript.contains("compiling Sources/ConnectFour"))
        let before = terminal.transcript.count
        terminal.type("check 1\r")
        try terminal.waitUntil("the second check", timeout: 60) { $0.dropFirst(before).contains("not recompiled") }
        #expect(!terminal.transcript.dropFirst(before).contains("compiling"))
        terminal.type(PseudoTerminal.Key.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("check --as-grader says it ran in the sandbox under the grader's limits")
    func asGraderSaysSo() throws {
        try install("solutions/events-are-facts")
        let result = try run(["check", "1", "--as-grader"])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("as the grader: in the bubblewrap sandbox"))
        #expect(result.output.contains("s of CPU"))
    }
}
