import Foundation

/// Runs the compiler and collects its diagnostics.
struct CompilerRun {
    var status: Int32
    var output: String

    static func run(_ swiftc: URL, _ arguments: [String], in directory: URL) throws -> CompilerRun {
        let process = Process()
        process.executableURL = swiftc
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw CheckError("cannot run \(swiftc.path): \(error.localizedDescription)") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CompilerRun(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
