import Checking
import Curriculum
import EventSourcing
import Foundation
import Playground
import Room
import Shell
import Workspace

/// The session as the playground sees it: the course, the learner's store, the output, whose
/// streams commands work on, and the clock.
extension Session: PlaygroundSession {
    var domainStore: any EventStore { workspace.store }
    /// The learner's name on a shared store, none on the local one.
    var namespace: StreamNamespace {
        StreamNamespace(learner: workspace.store.isShared ? StreamNamespace.mark(for: learnerName) : nil)
    }
    /// Who the learner is, as the room knows them (`join --name`), else `$WORKSHOP_LEARNER`, else
    /// the user name. It is also what the shell records as `appendedBy` on each event.
    var learnerName: String {
        let environment = ProcessInfo.processInfo.environment
        return RoomMembership.load(from: workspace)?.name ?? environment["WORKSHOP_LEARNER"] ?? environment["USER"] ?? "learner"
    }
    var storeName: String { workspace.store.isShared ? (workspace.store.redactedURL ?? "shared") : "local" }
    var readModelsFolder: URL { workspace.readModelsFolder }
    func now() -> Date { Date() }
}

/// The learner's warm hosts by lesson: the same process answers until the learner's code changes
/// and the executable with it. The toolchain is found (and the kit built) on the first domain
/// command, then kept: they do not move while the shell runs.
final class WarmHosts: PlaygroundHosts {
    private let session: Session
    private var hosts: [String: HostProcess] = [:]
    private var found: LearnerRuntime?

    init(session: Session) { self.session = session }

    deinit { hosts.values.forEach { $0.stop() } }

    private func runtime() throws -> LearnerRuntime {
        if let found { return found }
        let runtime = try LearnerRuntime.find()
        let out = session.out
        try runtime.ensureKit { out.line(out.styled($0, .dim)) }
        found = runtime
        return runtime
    }

    /// The warm host for a lesson's binding, built if the learner's code changed.
    func host(lesson id: String, purpose: String) throws -> any PlaygroundHost {
        guard let lesson = session.course.lesson(id), let binding = lesson.bindingFile, let module = lesson.module else {
            throw WorkshopError("lesson '\(id)' has no binding to run \(purpose) with")
        }
        switch try runtime().builder.host(
            workspace: session.workspace.root, module: module, binding: binding, buildFolder: session.workspace.buildFolder)
        {
        case .compileErrors(let report):
            let reason =
                report.missing.isEmpty
                ? "it does not compile; `check` shows the errors" : "it does not define " + report.missing.joined(separator: ", ")
            throw WorkshopError("\(purpose) runs your code, but \(reason)")
        case .built(let executable, _):
            if let warm = hosts[id], warm.executable == executable { return warm }
            hosts[id]?.stop()
            let host = try LearnerRuntime.start(executable, limits: LearnerRuntime.limits(.playground), sandbox: nil)
            // Ctrl-C ends a request that loops, rather than waiting out the timeout.
            host.shouldStop = { Interrupt.take() }
            hosts[id] = host
            return host
        }
    }
}

/// A host process answers the playground's questions; its executable names the build of the code.
extension HostProcess: PlaygroundHost {
    public var code: String { executable.lastPathComponent }

    public func ask(_ driver: String, with input: JSONValue) throws -> (answer: HostAnswer, printed: String) {
        let exchange = try ask(driver: driver, input: input)
        return (exchange.answer, exchange.output)
    }
}

extension Playground {
    /// The playground of a session, with warm hosts of its own.
    convenience init(session: Session) { self.init(session: session, hosts: WarmHosts(session: session)) }
}
