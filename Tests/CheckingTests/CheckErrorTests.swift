import Foundation
import Testing

@testable import Checking

/// Tests match a checking error on its case; these hold the words of a few, so they cannot drift
/// unseen.
@Suite("Checking errors in words")
struct CheckErrorTests {
    @Test("each error says what went wrong and, when something can be done, what to do, joined by '; '")
    func words() {
        #expect("\(CheckError.noCompiler)" == "no Swift compiler found; put swiftc on PATH, or set SWIFTC to its path")
        #expect(
            CheckError.prlimitMissing.localizedDescription
                == "cannot limit your code: prlimit (from util-linux) is missing; install util-linux")
        #expect(
            "\(CheckError.kitModuleFailed(module: "EventSourcing", compilerOutput: "error: x"))"
                == "building the workshop's EventSourcing module failed; the tool's sources may be damaged:\nerror: x")
        #expect(
            "\(CheckError.cannotStartCode(executable: "host", because: .prlimitMissing))"
                == "cannot start your code (host): cannot limit your code: prlimit (from util-linux) is missing; install util-linux",
            "the cause's remedy is the whole error's")
        #expect(
            "\(CheckError.cannotRunCompiler(path: "/bin/swiftc", because: .cannotSpawn(program: "/bin/swiftc", reason: "gone")))"
                == "cannot run /bin/swiftc: cannot run /bin/swiftc: gone")
    }

    @Test("no compiler on PATH and no SWIFTC is that case")
    func noCompiler() {
        #expect(throws: CheckError.noCompiler) { try Toolchain.find(environment: ["PATH": "/nonexistent-\(UUID().uuidString)"]) }
        #expect(throws: CheckError.noCompiler) { try Toolchain.find(environment: ["SWIFTC": "/nonexistent/swiftc"]) }
    }

    @Test("a program that cannot be spawned names itself and the reason")
    func cannotSpawn() {
        let missing = "/nonexistent-\(UUID().uuidString)"
        #expect(throws: CheckError.cannotSpawn(program: missing, reason: String(cString: strerror(ENOENT)))) {
            try ChildSpawn.spawn([missing], descriptors: [:], environment: [:])
        }
    }
}
