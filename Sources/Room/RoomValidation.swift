import Foundation
import Workspace

/// The limits every request from the network is held to; a request outside them is refused with
/// a 4xx and a message, and nothing of it is stored.
public enum RoomValidation {
    public static let maxBodyBytes = 64 * 1024
    public static let maxEventsPerBatch = 200
    public static let maxNameLength = 40
    public static let maxLessonLength = 64
    public static let maxLineLength = 200
    public static let errorClasses: Set<String> = ["compile error", "error", "timeout", "crash"]

    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var status: Int
        public var description: String
        init(_ status: Int, _ description: String) {
            self.status = status
            self.description = description
        }
    }

    /// A display name: trimmed, 1 to 40 characters, no control characters.
    public static func name(_ raw: String) throws(Refusal) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= maxNameLength else {
            throw Refusal(400, "a name is 1 to \(maxNameLength) characters")
        }
        guard !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw Refusal(400, "a name cannot hold control characters")
        }
        return name
    }

    /// One event's shape: a known type, a lesson id, and only the fields that type uses, in range.
    public static func event(_ event: RoomWire.Event) throws(Refusal) {
        guard ProgressEvent.types.contains(event.type) else {
            throw Refusal(400, "'\(clipped(event.type))' is not a progress event the room knows")
        }
        let body = event.body
        guard isLessonId(body.lesson)
        else {
            throw Refusal(400, "a lesson is named by 1 to \(maxLessonLength) letters, digits, '-', '_' or '.'")
        }
        if let tier = body.tier, !(1...20).contains(tier) { throw Refusal(400, "a hint's tier is 1 to 20") }
        if body.passed != nil || body.total != nil {
            guard let passed = body.passed, let total = body.total, passed >= 0, total >= passed, total <= 100_000 else {
                throw Refusal(400, "a check's passed and total are whole numbers with 0 ≤ passed ≤ total ≤ 100000")
            }
        }
        for text in [body.firstFailure, body.line].compactMap({ $0 }) where text.count > maxLineLength {
            throw Refusal(400, "a line is at most \(maxLineLength) characters")
        }
        if let errorClass = body.errorClass, !errorClasses.contains(errorClass) {
            throw Refusal(400, "'\(clipped(errorClass))' is not an error class (\(errorClasses.sorted().joined(separator: ", ")))")
        }
    }

    /// 1 to `maxLessonLength` letters, digits, `-`, `_` or `.`.
    static func isLessonId(_ text: String) -> Bool {
        !text.isEmpty && text.count <= maxLessonLength
            && text.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) })
    }

    static func clipped(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
}
