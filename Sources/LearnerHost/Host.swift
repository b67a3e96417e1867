import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The learner host: the harness compiled together with the learner's sources into one executable.
///
/// It reads one JSON request a line from file descriptor 3 and writes one JSON answer a line to
/// descriptor 4. Standard output and error stay the learner's: the tool captures them apart, so
/// nothing the learner prints can pass for an answer.
public enum Host {
    public static let requestDescriptor: Int32 = 3
    public static let answerDescriptor: Int32 = 4

    /// Applies the limits passed on the command line, then answers requests until the tool closes
    /// the request channel.
    public static func run(drivers: [String: Driver]) -> Never {
        ResourceLimits(arguments: CommandLine.arguments).apply()
        let input = LineReader(descriptor: requestDescriptor)
        while let line = input.next() {
            let answer = respond(to: line, drivers: drivers)
            write(answer + "\n")
        }
        exit(0)
    }

    static func respond(to line: Data, drivers: [String: Driver]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
            let id = object["id"] as? Int, let name = object["driver"] as? String
        else { return #"{"id":-1,"failure":"the host could not read a request"}"# }
        guard let driver = drivers[name] else {
            return answer(id, "failure", jsonString("this lesson's binding has no driver '\(name)'"))
        }
        let input =
            (try? JSONSerialization.data(withJSONObject: object["input"] ?? [String: Any](), options: [.fragmentsAllowed]))
            ?? Data("{}".utf8)
        do {
            let output = try driver.answer(input)
            return answer(id, "ok", String(decoding: output, as: UTF8.self))
        } catch let thrown as LearnerThrew {
            let error = thrown.error
            let description = jsonString(String(describing: error))
            let type = jsonString(String(describing: Swift.type(of: error)))
            return answer(id, "thrown", #"{"description":\#(description),"type":\#(type)}"#)
        } catch let mismatch as HarnessMismatch {
            return answer(id, "failure", jsonString(mismatch.message))
        } catch {
            return answer(id, "failure", jsonString("\(error)"))
        }
    }

    static func answer(_ id: Int, _ key: String, _ json: String) -> String {
        #"{"id":\#(id),"\#(key)":\#(json)}"#
    }

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(answerDescriptor, $0.baseAddress, $0.count) }
            if written <= 0 { exit(0) }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Reads newline-terminated lines from a file descriptor.
final class LineReader {
    private let descriptor: Int32
    private var buffer = Data()

    init(descriptor: Int32) { self.descriptor = descriptor }

    func next() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Limits the host sets on itself before any learner code runs: soft and hard alike, so the
/// learner's code cannot raise them again.
struct ResourceLimits {
    var cpuSeconds: UInt64?
    var memoryBytes: UInt64?
    var processes: UInt64?
    var fileBytes: UInt64?

    init(arguments: [String]) {
        func value(_ flag: String) -> UInt64? {
            arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? UInt64(arguments[$0 + 1]) : nil }
        }
        cpuSeconds = value("--cpu-seconds")
        memoryBytes = value("--memory-mb").map { $0 << 20 }
        processes = value("--processes")
        fileBytes = value("--file-size-mb").map { $0 << 20 }
    }

    func apply() {
        // Linux's resource numbers (RLIMIT_NPROC is not visible to Swift): CPU 0, FSIZE 1, NPROC 6, AS 9.
        func set(_ resource: UInt32, _ limit: UInt64?) {
            guard let limit else { return }
            var value = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
            setrlimit(__rlimit_resource_t(resource), &value)
        }
        set(0, cpuSeconds)
        set(1, fileBytes)
        set(6, processes)
        set(9, memoryBytes)
    }
}
