import Foundation

/// Arranges compiler output for the learner: their own files' paths as they know them, the first
/// error on top, and the lesson's binding never named by path.
public enum CompilerDiagnostics {
    public static func report(_ output: String, binding: URL) -> CompileReport {
        let bindingPath = binding.path
        var missing: [String] = []
        var mismatches: [String] = []
        var learnerBlocks: [[String]] = []
        var current: [String] = []
        for line in output.components(separatedBy: "\n") {
            if line.hasPrefix(bindingPath) {
                if let name = missingName(in: line) {
                    if !missing.contains(name) { missing.append(name) }
                } else if let range = line.range(of: ": error: ") {
                    let message = String(line[range.upperBound...])
                    if !mismatches.contains(message) { mismatches.append(message) }
                }
                if !current.isEmpty { learnerBlocks.append(current) }
                current = []
                continue
            }
            if line.contains(": error: ") || line.contains(": warning: ") || line.contains(": note: ") {
                if !current.isEmpty { learnerBlocks.append(current) }
                current = [line]
            } else if !current.isEmpty, !line.isEmpty, !line.hasPrefix("error: ") {
                current.append(line)
            }
        }
        if !current.isEmpty { learnerBlocks.append(current) }
        // The first error first: notes and warnings about it follow, other warnings come last.
        let errors = learnerBlocks.filter { $0[0].contains(": error: ") }
        let others = learnerBlocks.filter { !$0[0].contains(": error: ") && !$0[0].contains(": note: ") }
        let diagnostics = (errors + others).map { $0.joined(separator: "\n") }.joined(separator: "\n")
        return CompileReport(diagnostics: diagnostics, missing: missing, mismatches: mismatches)
    }

    /// `cannot find 'decide' in scope`, `cannot find type 'GameEvent' in scope` → the name.
    public static func missingName(in line: String) -> String? {
        guard let range = line.range(of: "cannot find ") else { return nil }
        let rest = line[range.upperBound...]
        guard let open = rest.firstIndex(of: "'"), let close = rest[rest.index(after: open)...].firstIndex(of: "'") else { return nil }
        return String(rest[rest.index(after: open)..<close])
    }
}
