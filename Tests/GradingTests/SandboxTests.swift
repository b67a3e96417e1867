import Checking
import Foundation
import TestSupport
import Testing

@testable import Grading

#if canImport(Glibc)
    import Glibc
#endif

/// The sandbox as the kernel sees it, read from outside the running host: what the host's own code
/// might claim or undo plays no part.
@Suite("The grading sandbox, seen from outside", .serialized)
struct SandboxTests {
    /// The deepest descendant of `pid` (the host, under the launcher and bubblewrap).
    func leaf(of pid: pid_t, named name: String) -> pid_t? {
        for _ in 0..<200 {
            var current = pid
            while let text = try? String(contentsOfFile: "/proc/\(current)/task/\(current)/children", encoding: .utf8),
                let child = text.split(separator: " ").first.flatMap({ pid_t($0) })
            {
                current = child
            }
            let command = (try? String(contentsOfFile: "/proc/\(current)/comm", encoding: .utf8)) ?? ""
            if command.trimmingCharacters(in: .newlines) == name { return current }
            usleep(50_000)
        }
        return nil
    }

    func limit(_ name: String, in limits: String) -> [String] {
        let line = limits.split(separator: "\n").first { $0.hasPrefix(name) } ?? ""
        return line.dropFirst(name.count).split(separator: " ").prefix(2).map(String.init)
    }

    @Test("a host runs under hard limits and a resource group set before it starts, holding only its own descriptors")
    func limitsFromOutside() throws {
        let folder = TemporaryFolder()
        let script = folder.write("host.sh", "#!/bin/sh\nexec sleep 30\n")
        chmod(script.path, 0o755)
        // A descriptor the grader holds without close-on-exec, as one inherited from its caller would be.
        let stray = open(folder.path, O_RDONLY | O_DIRECTORY)
        #expect(stray > 4)
        defer { close(stray) }
        let sandbox = try #require(Sandbox.find(toolchain: try Toolchain.find()), "bubblewrap must be installed (make test-deps)")
        let limits = LearnerRuntime.limits(.grading)
        let host = try HostProcess(executable: script, limits: limits, sandbox: sandbox)
        defer { host.stop() }
        let pid = try #require(leaf(of: host.processIdentifier, named: "sleep"), "the host never started")

        let inForce = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        #expect(limit("Max address space", in: inForce) == Array(repeating: "\(limits.memoryMegabytes << 20)", count: 2))
        #expect(limit("Max cpu time", in: inForce) == Array(repeating: "\(limits.cpuSeconds)", count: 2))
        #expect(limit("Max file size", in: inForce) == Array(repeating: "\(limits.fileSizeMegabytes << 20)", count: 2))
        #expect(limit("Max open files", in: inForce) == ["256", "256"])
        if let processes = limits.processes {
            #expect(limit("Max processes", in: inForce) == Array(repeating: "\(processes)", count: 2))
        }

        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").compactMap { Int($0) }.sorted()
        #expect(descriptors == [0, 1, 2, 3, 4], "the host holds descriptors it was not given")

        // Where this machine delegates control groups to the tool, the host is in one with its limits.
        if let probe = ResourceGroup.create(memoryBytes: 1 << 20, tasks: 1) {
            probe.remove()
            let groups = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8).split(separator: "\n")
            let memory = try #require(groups.first { $0.contains("memory") || $0.hasPrefix("0::") && $0.contains("workshop-") })
            #expect(memory.contains("workshop-"), "the host is not in a resource group: \(groups)")
            let path = String(memory.split(separator: ":", maxSplits: 2)[2])
            let base = memory.hasPrefix("0::") ? "/sys/fs/cgroup" : "/sys/fs/cgroup/memory"
            let bytes = try String(
                contentsOfFile: base + path + (memory.hasPrefix("0::") ? "/memory.max" : "/memory.limit_in_bytes"), encoding: .utf8)
            #expect(bytes.trimmingCharacters(in: .newlines) == "\(limits.memoryMegabytes << 20)")
        }
    }

    @Test("every writable mount of the sandbox has a size, and its root is read-only")
    func boundedMounts() throws {
        let folder = TemporaryFolder()
        let script = folder.write("host.sh", "#!/bin/sh\nexec sleep 30\n")
        chmod(script.path, 0o755)
        let sandbox = try #require(Sandbox.find(toolchain: try Toolchain.find()), "bubblewrap must be installed (make test-deps)")
        let host = try HostProcess(executable: script, limits: LearnerRuntime.limits(.grading), sandbox: sandbox)
        defer { host.stop() }
        let pid = try #require(leaf(of: host.processIdentifier, named: "sleep"), "the host never started")
        let mounts = try String(contentsOfFile: "/proc/\(pid)/mounts", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ").map(String.init)
        }
        let root = try #require(mounts.last { $0[1] == "/" })
        #expect(root[3].split(separator: ",").contains("ro"), "the sandbox's root is writable: \(root)")
        let writable = mounts.filter { $0[2] == "tmpfs" && $0[3].split(separator: ",").contains("rw") }
        #expect(Set(writable.map { $0[1] }) == ["/tmp", "/dev/shm"])
        for mount in writable {
            #expect(mount[3].contains("size="), "\(mount[1]) has no size: \(mount[3])")
        }
    }
}

/// Helpers (the compiler, unpackers) under their budget: time, memory and output.
@Suite("Helpers within their budget", .serialized)
struct HelperBudgetTests {
    func budget(seconds: Double, memoryMegabytes: Int = 256) -> LimitedRun.Budget {
        LimitedRun.Budget(
            seconds: seconds, limits: OutsideLimits(cpuSeconds: 60, memoryBytes: nil, processes: nil, fileBytes: 1 << 20),
            memoryMegabytes: memoryMegabytes, tasks: 16, outputCap: 100)
    }

    @Test("a helper past its time is stopped, and only the cap of what it printed is kept")
    func outOfTime() throws {
        let folder = TemporaryFolder()
        let run = try LimitedRun.run(["/bin/sh", "-c", "yes | head -c 100000; sleep 30"], in: folder.url, budget: budget(seconds: 0.5))
        #expect(run.ending == .outOfTime)
        #expect(run.output.hasPrefix("y\ny\n"))
        #expect(run.output.hasSuffix("99900 more bytes cut"), "\(run.output.suffix(40))")
    }

    @Test("a helper past its memory is killed by its resource group and told so")
    func outOfMemory() throws {
        let folder = TemporaryFolder()
        guard let probe = ResourceGroup.create(memoryBytes: 1 << 20, tasks: 1) else {
            Issue.record("this machine offers no control group to the tool; the memory bound is the address-space limit alone")
            return
        }
        probe.remove()
        let run = try LimitedRun.run(
            ["/usr/bin/env", "python3", "-c", "block = bytearray(512 << 20)"], in: folder.url,
            budget: budget(seconds: 60, memoryMegabytes: 64))
        #expect(run.ending == .outOfMemory, "\(run.ending): \(run.output)")
    }

    /// A builder for lesson 2's reference with the grader's sandbox, after `adjust` changes its compile limits.
    func compile(_ adjust: (inout CompileLimits) -> Void) throws -> HostBuild {
        let root = WorkshopProcess.repositoryRoot
        let folder = TemporaryFolder()
        for name in ["Events.swift", "Decide.swift"] {
            folder.write("Sources/ConnectFour/\(name)", try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/\(name)"))
        }
        var builder = HostBuilder(
            toolchain: try Toolchain.find(), toolSources: root.appendingPathComponent("Sources"),
            cacheFolder: root.appendingPathComponent(".build/workshop-test-cache"))
        _ = try builder.kit()
        adjust(&builder.compileLimits)
        builder.compileSandbox = try #require(
            Sandbox.find(toolchain: try Toolchain.find()), "bubblewrap must be installed (make test-deps)")
        return try builder.host(
            workspace: folder.url, module: "ConnectFour", binding: root.appendingPathComponent("lessons/deciding/binding.swift"),
            buildFolder: folder.url.appendingPathComponent("build"))
    }

    @Test("a compile past its memory ends as a verdict on the learner's code")
    func compilerOutOfMemory() throws {
        // No compile of a host fits in 24 MiB.
        guard case .compileErrors(let report) = try compile({ $0.memoryMegabytes = 24 }) else {
            Issue.record("the compile finished within its memory")
            return
        }
        #expect(report.diagnostics.hasPrefix("error: the compiler ran out of memory on your code"), "\(report.diagnostics)")
    }

    @Test("a compile past its time ends as a verdict on the learner's code")
    func compilerOutOfTime() throws {
        let root = WorkshopProcess.repositoryRoot
        let folder = TemporaryFolder()
        folder.write(
            "Sources/ConnectFour/Events.swift",
            try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/Events.swift"))
        folder.write(
            "Sources/ConnectFour/Decide.swift",
            try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/Decide.swift"))
        var builder = HostBuilder(
            toolchain: try Toolchain.find(), toolSources: root.appendingPathComponent("Sources"),
            cacheFolder: root.appendingPathComponent(".build/workshop-test-cache"))
        _ = try builder.kit()
        // No compile of a host, lld link included, finishes in a fifth of a second.
        builder.compileLimits.seconds = 0.2
        builder.compileSandbox = try #require(
            Sandbox.find(toolchain: try Toolchain.find()), "bubblewrap must be installed (make test-deps)")
        let build = try builder.host(
            workspace: folder.url, module: "ConnectFour", binding: root.appendingPathComponent("lessons/deciding/binding.swift"),
            buildFolder: folder.url.appendingPathComponent("build"))
        guard case .compileErrors(let report) = build else {
            Issue.record("the compile finished within its limit")
            return
        }
        #expect(report.diagnostics.hasPrefix("error: the compiler ran out of time on your code"), "\(report.diagnostics)")
    }
}
