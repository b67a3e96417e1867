import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the compiler and collects its diagnostics; Ctrl-C (through `shouldStop`) ends it early.
struct CompilerRun {
    var status: Int32
    var output: String

    static func run(
        _ swiftc: URL, _ arguments: [String], in directory: URL, shouldStop: () -> Bool = { false }
    ) throws -> CompilerRun {
        let process = Process()
        process.executableURL = swiftc
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw CheckError("cannot run \(swiftc.path): \(error.localizedDescription)") }
        // Read by hand: a signal (Ctrl-C) interrupts reads, which Foundation's readers do not survive.
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if shouldStop() {
                process.terminate()
                process.waitUntilExit()
                throw CheckInterrupted()
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 { output.append(contentsOf: chunk[0..<count]) } else if count == 0 || errno != EINTR { break }
        }
        process.waitUntilExit()
        return CompilerRun(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
