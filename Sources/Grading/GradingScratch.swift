import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The grader's private working folder (unpacked archives, gathered sources, built hosts). It is
/// removed when grading ends, when the grader is stopped (SIGINT, SIGTERM, SIGHUP), and, for a
/// grader that was killed outright, by the next one to start.
public final class GradingScratch: @unchecked Sendable {
    // @unchecked Sendable: its only state is `let`; Dispatch's signal sources are thread-safe, but Linux's Dispatch does not mark them Sendable.
    public let url: URL
    static let prefix = "workshop-grade-"
    private let sources: [any DispatchSourceSignal]

    public init(parent: URL = FileManager.default.temporaryDirectory) throws {
        Self.removeAbandoned(in: parent)
        url = parent.appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let folder = url
        var sources: [any DispatchSourceSignal] = []
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                // Hosts and helpers die with the grader; only the folder needs removing.
                try? FileManager.default.removeItem(at: folder)
                exit(128 + signal)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    public func remove() {
        sources.forEach { $0.cancel() }
        try? FileManager.default.removeItem(at: url)
    }

    /// Folders of graders whose process is gone.
    static func removeAbandoned(in parent: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = pid_t(entry.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
