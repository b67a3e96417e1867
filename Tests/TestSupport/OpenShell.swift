import Foundation

/// A `workshop` process whose standard input stays open, so it keeps running while a test looks at
/// it (a shell, a room's server): lines are typed into it, and what it printed is read at any time.
public final class OpenShell: @unchecked Sendable {
    public let process = Process()
    private let input = Pipe(), output = Pipe()
    private let lock = NSLock()
    private var printed = ""

    public init(arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: WorkshopProcess.executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.printed += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    public var text: String { lock.withLock { printed } }

    public func type(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    /// Ends the input, as Ctrl-D would.
    public func close() { try? input.fileHandleForWriting.close() }

    /// Waits until the output holds `needle` (the shell answers in well under the limit).
    public func waitFor(_ needle: String, seconds: Double = 30) -> Bool {
        waitUntil(seconds: seconds) { $0.contains(needle) }
    }

    /// Waits until what was printed satisfies `condition`.
    public func waitUntil(seconds: Double = 30, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(text) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Stops the process (SIGTERM, then SIGKILL after five seconds: a child of a test process may
    /// inherit a mask that blocks SIGTERM) and waits for it.
    public func stop() {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
