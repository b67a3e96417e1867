import ArgumentParser
import Curriculum
import Foundation
import Shell
import Workspace

/// `watch`: check again on every save in the workspace, until Ctrl-C.
struct WatchCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Check again every time you save a file in your workspace (Ctrl-C stops).")
    static let completions: [ArgumentCompletion] = [.lesson]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson's number or id (default: the current one).", valueName: "lesson")) var reference: String?
    @Option(help: ArgumentHelp("Stop after this many checks (for scripts).", valueName: "n")) var times: Int?

    /// Saves closer together than this count as one (editors often write a file in steps).
    static let settle: TimeInterval = 0.3
    static let poll: useconds_t = 100_000

    func run(in session: Session) throws {
        let lesson = try session.lessonOrCurrent(reference)
        let out = session.out
        Interrupt.install()
        _ = Interrupt.take()
        var checks = 0
        var seen = SourceSnapshot(root: session.workspace.root)
        while true {
            if session.terminal.isInteractive { out.line("\u{1B}[2J\u{1B}[H") }
            let report = try Checker(session: session).check(lesson)
            CheckReportRenderer(out: out).render(report, lesson: lesson, session: session)
            checks += 1
            if let times, checks >= times { return }
            out.line(out.styled("watching Sources/ for changes · Ctrl-C stops", .dim))
            // Wait for a change, then for the saving to settle.
            while true {
                if Interrupt.take() { return out.line("stopped watching") }
                usleep(Self.poll)
                let now = SourceSnapshot(root: session.workspace.root)
                guard now != seen else { continue }
                var settled = now
                repeat {
                    seen = settled
                    usleep(useconds_t(Self.settle * 1_000_000))
                    settled = SourceSnapshot(root: session.workspace.root)
                } while settled != seen
                break
            }
        }
    }
}

/// The names, sizes and modification times of the workspace's sources: a cheap way to see a save.
struct SourceSnapshot: Equatable {
    var entries: [String: String] = [:]

    init(root: URL) {
        let sources = root.appendingPathComponent("Sources")
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: keys) else { return }
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let values = try? url.resourceValues(forKeys: Set(keys))
            entries[url.path] = "\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)|\(values?.fileSize ?? 0)"
        }
    }
}
