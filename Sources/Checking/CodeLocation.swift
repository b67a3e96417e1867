/// A place in the learner's code: the function and its file and line, as the Swift runtime's
/// backtrace names them.
public struct CodeLocation: Sendable, Codable, Equatable, CustomStringConvertible {
    public var function: String
    /// Relative to the workspace: `Sources/ConnectFour/Decide.swift`.
    public var file: String
    /// Nil when the instruction has no line of its own (code the compiler added, say).
    public var line: Int?

    public init(function: String, file: String, line: Int?) {
        self.function = function
        self.file = file
        self.line = line
    }

    public var description: String { line.map { "\(function) at \(file):\($0)" } ?? "\(function) in \(file)" }

    /// The marker the runtime's backtracer prints before a backtrace.
    static let backtraceMarkers = ["*** Signal ", "*** Program crashed", "Current stack trace:"]

    /// The text before the runtime's backtrace (what the learner's code printed, and the runtime's
    /// one-line reason), and the backtrace itself, if there is one.
    static func split(_ output: String) -> (printed: String, backtrace: String?) {
        let first = backtraceMarkers.compactMap { output.range(of: $0)?.lowerBound }.min()
        guard let first else { return (output, nil) }
        return (String(output[..<first]).trimmingCharacters(in: .newlines), String(output[first...]))
    }

    /// The innermost frame of a backtrace that lies in the learner's sources (a file under a
    /// `Sources/` folder; the tool's kit has no line tables and the lesson's binding lives
    /// elsewhere), such as `  1 [ra] 0x000055f5… spin(_:) + 107 in host at /ws/Sources/M/F.swift:3:19`.
    static func innermostLearnerFrame(in backtrace: String) -> CodeLocation? {
        // `[system]` frames are the runtime's and the compiler's (a `main` it put in the first file).
        for line in backtrace.split(separator: "\n") where !line.contains("[system]") {
            guard let at = line.range(of: " at ", options: .backwards),
                let sources = line[at.upperBound...].range(of: "Sources/", options: .backwards)
            else { continue }
            let place = line[sources.lowerBound...].split(separator: ":")
            let number = place.count >= 2 ? Int(place[1]) : nil
            // The function follows the frame's address and comes before its offset: `0x… name + 107 in image`.
            let head = line[..<at.lowerBound]
            guard let address = head.range(of: " 0x") else { continue }
            var function = head[address.upperBound...].drop { $0 != " " }.dropFirst()
            if let offset = function.range(of: " + ", options: .backwards) {
                function = function[..<offset.lowerBound]
            } else if let image = function.range(of: " in ", options: .backwards) {
                function = function[..<image.lowerBound]
            }
            return CodeLocation(function: String(function), file: String(place[0]), line: number)
        }
        return nil
    }
}
