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

    /// Answers requests until the tool closes the request channel. Its limits were set before it
    /// started, from outside: nothing linked into this executable can lift them.
    public static func run(drivers: [String: Driver]) -> Never {
        // Unbuffered, so what the learner's code prints is in the pipe before its answer and lands
        // under the scenario that printed it.
        // (Swift 6 refuses to name C's global `stdout`; the symbol is looked up instead.)
        if let standardOutput = dlsym(nil, "stdout")?.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee {
            setvbuf(standardOutput, nil, _IONBF, 0)
        }
        let input = LineReader(descriptor: requestDescriptor)
        while let line = input.next() {
            let answer = respond(to: line, drivers: drivers)
            fflush(nil)
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
