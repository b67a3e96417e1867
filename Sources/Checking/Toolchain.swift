import Foundation
import UserFacing

/// The Swift compiler the tool builds learner hosts with: `SWIFTC` if set, else `swiftc` on PATH.
public struct Toolchain: Sendable {
    public var swiftc: URL
    /// Identifies this compiler for cache keys: its path, size and modification time.
    public var identity: String
    /// Whether the toolchain ships lld beside swiftc (faster links than the system linker).
    public var hasLLD: Bool {
        FileManager.default.isExecutableFile(
            atPath: swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ld.lld").path)
    }

    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        let candidate: URL?
        if let explicit = environment["SWIFTC"], !explicit.isEmpty {
            candidate = URL(fileURLWithPath: explicit)
        } else {
            candidate = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .map { URL(fileURLWithPath: String($0)).appendingPathComponent("swiftc") }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }
        guard let swiftc = candidate, FileManager.default.isExecutableFile(atPath: swiftc.path) else {
            throw CheckError.noCompiler
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: swiftc.resolvingSymlinksInPath().path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return Toolchain(swiftc: swiftc, identity: "\(swiftc.resolvingSymlinksInPath().path)|\(size)|\(modified)")
    }
}

/// A problem with checking itself (not with the learner's code), worded for the person at the
/// keyboard: a case per failure, so code and tests match on the case.
public indirect enum CheckError: UserFacingError, Equatable, Sendable {
    /// Neither `SWIFTC` nor PATH gives a Swift compiler.
    case noCompiler
    /// prlimit, which limits learner code from outside, is not installed.
    case prlimitMissing
    /// The tool's own kit sources, which learner code builds against, are neither in a checkout nor in the binary.
    case kitSourcesMissing
    case cannotWriteBuildCache(folder: String, reason: String)
    /// The tool's own `module` does not compile: the compiler said `compilerOutput`.
    case kitModuleFailed(module: String, compilerOutput: String)
    /// The system modules (Foundation, Glibc, Dispatch) do not build with the learner compile's flags.
    case systemModulesFailed(compilerOutput: String)
    case cannotStoreHost(folder: String)
    case cannotCreatePipe(reason: String)
    /// This C library cannot close a spawned child's other descriptors (`posix_spawn_file_actions_addclosefrom_np`).
    case glibcTooOld
    case cannotSpawn(program: String, reason: String)
    /// The learner's host (`executable`, its file name) did not start, `because` of the failure below.
    case cannotStartCode(executable: String, because: CheckError)
    /// The compiler at `path` did not run, `because` of the failure below.
    case cannotRunCompiler(path: String, because: CheckError)

    public var problem: String {
        switch self {
        case .noCompiler: "no Swift compiler found"
        case .prlimitMissing: "cannot limit your code: prlimit (from util-linux) is missing"
        case .kitSourcesMissing: "cannot find or unpack the workshop's own sources (Sources/EventSourcing) to build your code against"
        case .cannotWriteBuildCache(let folder, let reason): "cannot write the build cache at \(folder): \(reason)"
        case .kitModuleFailed(let module, let output):
            "building the workshop's \(module) module failed; the tool's sources may be damaged:\n\(output)"
        case .systemModulesFailed(let output): "building the system modules for learner code failed:\n\(output)"
        case .cannotStoreHost(let folder): "cannot store the built host in \(folder)"
        case .cannotCreatePipe(let reason): "cannot create a pipe: \(reason)"
        case .glibcTooOld: "cannot start a process with only its own descriptors: this needs glibc 2.34 or later"
        case .cannotSpawn(let program, let reason): "cannot run \(program): \(reason)"
        case .cannotStartCode(let executable, let cause): "cannot start your code (\(executable)): \(cause.problem)"
        case .cannotRunCompiler(let path, let cause): "cannot run \(path): \(cause.problem)"
        }
    }

    public var remedy: String? {
        switch self {
        case .noCompiler: "put swiftc on PATH, or set SWIFTC to its path"
        case .prlimitMissing: "install util-linux"
        case .cannotWriteBuildCache: "set WORKSHOP_CACHE to a writable folder"
        case .cannotStartCode(_, let cause), .cannotRunCompiler(_, let cause): cause.remedy
        default: nil
        }
    }
}
