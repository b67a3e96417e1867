import Foundation

/// Every report file under a grading `--out` folder, by relative path, with timings blanked: what
/// two runs over the same inputs must agree on.
public enum GradingReports {
    public static func read(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let base = folder.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        else { throw NoReports(folder: folder.path) }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "time=\"[0-9.]+\"", with: "time=\"\"", options: .regularExpression)
            text = text.replacingOccurrences(of: "\"seconds\" : [0-9.e-]+", with: "\"seconds\" : 0", options: .regularExpression)
            files[relative] = text
        }
        return files
    }
}

/// A grading `--out` folder that is not there: a run that wrote nothing must not compare equal to another.
public struct NoReports: Error, CustomStringConvertible {
    public var folder: String
    public var description: String { "no reports: \(folder) is not a folder" }
}
