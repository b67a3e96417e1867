import Foundation

/// Runs the built `workshop` binary as a person or a script would, and collects what it printed.
public enum WorkshopProcess {
    /// The binary next to the test bundle (both live in the build's products folder).
    public static var executable: String {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("workshop"),
            products.deletingLastPathComponent().appendingPathComponent("workshop"),
            repositoryRoot.appendingPathComponent(".build/debug/workshop"),
        ]
        return (candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]).path
    }

    /// The repository's root folder (it holds Package.swift and lessons/).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// A clean environment: no colour settings or workspace from the outside, a private HOME.
    public static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs `workshop ARGUMENTS` with `input` on standard input (nil: standard input is closed at once),
    /// in `directory` (else the test's own), started through `launcher` when given (a shell that
    /// opens stray descriptors first, say; it receives the binary and its arguments last), from
    /// `executable` when that is not the built binary (a copy elsewhere, say).
    public static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String], timeout: TimeInterval = 60,
        directory: URL? = nil, launcher: [String] = [], executable: String = WorkshopProcess.executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? executable)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [executable] + arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Drain both pipes while the process runs, so a large output cannot block it.
        let outputBox = DataBox(), errorBox = DataBox()
        let group = DispatchGroup()
        for (pipe, box) in [(stdout, outputBox), (stderr, errorBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw TimedOut(arguments: arguments)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputBox.data, as: UTF8.self),
            errors: String(decoding: errorBox.data, as: UTF8.self))
    }

    public struct TimedOut: Error { public var arguments: [String] }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
