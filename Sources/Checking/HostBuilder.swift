import Foundation
import ToolFiles

/// Builds learner hosts with `swiftc`: the kit and host modules once per toolchain and tool
/// version (cached), then the learner's sources with the lesson's binding, keyed by a fingerprint
/// of every input, so an unchanged workspace never recompiles.
public struct HostBuilder: Sendable {
    public static let kitModules = ["EventSourcing", "LearnerHost"]

    public var toolchain: Toolchain
    /// The tool's `Sources/` folder, holding the kit and host modules' sources.
    public var toolSources: URL
    /// Where built kits are kept, shared by every workspace of this user.
    public var cacheFolder: URL
    /// What one compile of a learner's code may use.
    public var compileLimits = CompileLimits()
    /// Where learner code is compiled, for grading: the compiler then sees only the system, the
    /// toolchain, the kit and the learner's sources, and writes only the build folder.
    public var compileSandbox: Sandbox?

    public init(toolchain: Toolchain, toolSources: URL, cacheFolder: URL) {
        self.toolchain = toolchain
        self.toolSources = toolSources
        self.cacheFolder = cacheFolder
    }

    /// `$WORKSHOP_CACHE`, else `$XDG_CACHE_HOME/workshop`, else `~/.cache/workshop`.
    public static func defaultCacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        ToolLocation.cacheFolder(environment: environment)
    }

    // MARK: The kit

    /// Whether this toolchain's kit is built already; the first check after an install builds it.
    public var kitIsBuilt: Bool {
        guard let folder = try? kitFolder().folder else { return false }
        return ["complete", "ModuleCache.complete"].allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

    /// Where this toolchain's kit of these sources lives, and the sources it is built from.
    private func kitFolder() throws -> (folder: URL, sources: [(String, [URL])], fingerprint: String) {
        var fingerprint = Fingerprint()
        fingerprint.add(toolchain.identity)
        let sources = try Self.kitModules.map { module in (module, try swiftFiles(in: toolSources.appendingPathComponent(module))) }
        for (module, files) in sources {
            fingerprint.add(module)
            for file in files { fingerprint.add(file.lastPathComponent); fingerprint.add(try Data(contentsOf: file)) }
        }
        return (cacheFolder.appendingPathComponent("kit-\(fingerprint.hex)"), sources, fingerprint.hex)
    }

    /// The folder with the kit's modules and libraries, built now if this toolchain and these
    /// sources have not been built before.
    public func kit() throws -> URL {
        let (folder, sources, hex) = try kitFolder()
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("complete").path) {
            try warmModuleCache(kit: folder)
            return folder
        }
        // Built aside and moved into place whole, so a crash or a second process never sees half a kit.
        let scratch = cacheFolder.appendingPathComponent("kit-\(hex).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: scratch)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw CheckError.cannotWriteBuildCache(folder: cacheFolder.path, reason: error.localizedDescription)
        }
        for (module, files) in sources {
            let run = try CompilerRun.run(
                toolchain.swiftc,
                [
                    "-parse-as-library", "-emit-library", "-static", "-module-name", module, "-emit-module",
                    "-emit-module-path", scratch.appendingPathComponent("\(module).swiftmodule").path,
                    "-o", scratch.appendingPathComponent("lib\(module).a").path, "-swift-version", "6", "-Onone", "-I", scratch.path,
                ] + files.map(\.path), in: scratch)
            guard run.status == 0 else {
                throw CheckError.kitModuleFailed(module: module, compilerOutput: run.output)
            }
        }
        _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent("complete").path, contents: Data())
        if (try? FileManager.default.moveItem(at: scratch, to: folder)) == nil {
            // Another process finished first: use its kit.
            try? FileManager.default.removeItem(at: scratch)
        }
        try warmModuleCache(kit: folder)
        return folder
    }

    /// The system modules (Foundation, Glibc, Dispatch) the compiler builds on first import,
    /// built once per kit with the learner compile's own flags. A sandboxed compile reads them
    /// read-only: a fresh cache per compile would cost several seconds, and a shared writable
    /// one would let one submission's compile change another's.
    private func warmModuleCache(kit: URL) throws {
        let marker = kit.appendingPathComponent("ModuleCache.complete")
        guard !FileManager.default.fileExists(atPath: marker.path) else { return }
        let source = kit.appendingPathComponent("warm-up.swift")
        try Data("import Foundation\nimport Glibc\nimport Dispatch\n".utf8).write(to: source)
        // Concurrent warm-ups are safe: the compiler locks each module it builds.
        let run = try CompilerRun.run(
            toolchain.swiftc, learnerFlags(kit: kit) + ["-typecheck", "-module-name", "WarmUp", source.path], in: kit)
        guard run.status == 0 else { throw CheckError.systemModulesFailed(compilerOutput: run.output) }
        _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
    }

    /// The flags every learner compile shares (the module cache is keyed by them).
    func learnerFlags(kit: URL) -> [String] {
        // Line tables (no full debug info) let the runtime's backtrace name the learner's file and line.
        // Swift 5 mode forgives a learner's shared state; inferring `@Sendable` for their global
        // functions (as Swift 6 does) lets `Decider(decide: decideOrder, …)` build without a warning.
        [
            "-wmo", "-parse-as-library", "-swift-version", "5", "-enable-upcoming-feature", "InferSendableFromCaptures",
            "-Onone", "-gline-tables-only", "-I", kit.path,
            "-module-cache-path", kit.appendingPathComponent("ModuleCache").path,
        ]
    }

    // MARK: The learner's host

    /// Compiles the learner's module with the lesson's binding into a host executable, unless an
    /// identical build exists. Compile errors come back as a report, not as a thrown error.
    /// `willCompile` hears when the compiler is about to run, so a caller says "compiling" only then.
    public func host(
        workspace: URL, module: String, binding: URL, buildFolder: URL, shouldStop: () -> Bool = { false },
        willCompile: () -> Void = {}
    ) throws -> HostBuild {
        let kit = try kit()
        let moduleFolder = workspace.appendingPathComponent("Sources").appendingPathComponent(module)
        let learnerFiles = try swiftFiles(in: moduleFolder)
        guard !learnerFiles.isEmpty else {
            return .compileErrors(CompileReport(diagnostics: "", missing: [], noSources: "Sources/\(module)"))
        }
        let relative = learnerFiles.map { String($0.standardizedFileURL.path.dropFirst(workspace.standardizedFileURL.path.count + 1)) }
        var fingerprint = Fingerprint()
        fingerprint.add(kit.lastPathComponent)
        fingerprint.add(module)
        for (path, file) in zip(relative, learnerFiles) { fingerprint.add(path); fingerprint.add(try Data(contentsOf: file)) }
        fingerprint.add(try Data(contentsOf: binding))
        // One frontend for the whole module and the toolchain's lld: for a learner's few files this
        // halves the time of swiftc's defaults (a frontend per file, the system linker); see BENCHMARKS.md.
        let options = learnerFlags(kit: kit) + (toolchain.hasLLD ? ["-use-ld=lld"] : [])
        fingerprint.add(options.joined(separator: " "))
        let executable = buildFolder.appendingPathComponent("host-\(fingerprint.hex)")
        if FileManager.default.isExecutableFile(atPath: executable.path) { return .built(executable, reused: true) }
        try FileManager.default.createDirectory(at: buildFolder, withIntermediateDirectories: true)
        // Another shell on the same workspace may build the same host at the same moment.
        let partial = buildFolder.appendingPathComponent("host-\(fingerprint.hex).partial-\(ProcessInfo.processInfo.processIdentifier)")
        willCompile()
        let run = try CompilerRun.run(
            toolchain.swiftc,
            options + [
                "-module-name", module, "-L", kit.path, "-lLearnerHost", "-lEventSourcing", "-o", partial.path,
            ] + relative + [binding.path], in: workspace, limits: compileLimits,
            sandbox: compileSandbox.map { ($0, readable: [kit, workspace, binding], writable: [buildFolder]) }, shouldStop: shouldStop)
        guard run.status == 0 else {
            try? FileManager.default.removeItem(at: partial)
            var report = CompilerDiagnostics.report(run.output, binding: binding)
            if let verdict = Self.verdict(run.ending, limits: compileLimits) {
                report.diagnostics = verdict + (report.diagnostics.isEmpty ? "" : "\n" + report.diagnostics)
            }
            return .compileErrors(report)
        }
        if FileManager.default.isExecutableFile(atPath: executable.path) {
            try? FileManager.default.removeItem(at: partial)  // the other build finished first: same inputs, same host
        } else if (try? FileManager.default.moveItem(at: partial, to: executable)) == nil {
            try? FileManager.default.removeItem(at: partial)
            guard FileManager.default.isExecutableFile(atPath: executable.path) else {
                throw CheckError.cannotStoreHost(folder: buildFolder.path)
            }
        }
        pruneOldHosts(in: buildFolder, keeping: executable)
        return .built(executable, reused: false)
    }

    /// What a compile that did not simply exit says about the learner's code.
    static func verdict(_ ending: LimitedRun.Ending, limits: CompileLimits) -> String? {
        switch ending {
        case .exited: return nil
        case .outOfTime:
            return
                "error: the compiler ran out of time on your code (its limit is \(Int(limits.seconds)) s); simplify long expressions or give their types"
        case .outOfMemory:
            return
                "error: the compiler ran out of memory on your code (its limit is \(limits.memoryMegabytes) MiB); split large literals or expressions"
        case .killed(let signal):
            return
                "error: the compiler stopped on your code (signal \(signal)), likely for lack of memory (its limit is \(limits.memoryMegabytes) MiB)"
        }
    }

    /// Keeps the build folder small: the newest few hosts stay (an undo brings one back for free).
    private func pruneOldHosts(in folder: URL, keeping current: URL) {
        let files =
            (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        let hosts = files.filter { $0.lastPathComponent.hasPrefix("host-") && !$0.lastPathComponent.contains(".partial") && $0 != current }
            .sorted { (($0.modificationDate ?? .distantPast)) > ($1.modificationDate ?? .distantPast) }
        for old in hosts.dropFirst(4) { try? FileManager.default.removeItem(at: old) }
    }

    func swiftFiles(in folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }
}

extension URL {
    var modificationDate: Date? { (try? resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate }
}

/// The result of building a learner host.
public enum HostBuild: Sendable {
    case built(URL, reused: Bool)
    case compileErrors(CompileReport)
}

/// The compiler's complaint about the learner's code, arranged for the learner.
public struct CompileReport: Sendable, Equatable {
    /// The compiler's own words, paths relative to the workspace, the first error first.
    public var diagnostics: String
    /// Names the lesson needs that the learner's code does not define.
    public var missing: [String]
    /// How the lesson calls the learner's code, where the compiler objects (a changed signature, say).
    public var mismatches: [String] = []
    /// Set when the module folder has no Swift files at all.
    public var noSources: String?
}
