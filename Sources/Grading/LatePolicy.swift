import Foundation

/// What handing in late costs (`--late-penalty`, `--grace-days`, `--late-cap`): a percentage of
/// the score per day late, begun days counted whole, the first grace days free, at most the cap.
public struct LatePolicy: Codable, Equatable, Sendable {
    public var penaltyPerDay: Double
    public var graceDays: Int
    public var cap: Double

    public init(penaltyPerDay: Double = 0, graceDays: Int = 0, cap: Double = 100) {
        self.penaltyPerDay = penaltyPerDay
        self.graceDays = graceDays
        self.cap = cap
    }

    /// Days late: each begun day after the due date (moved by the learner's extra days) counts.
    public static func daysLate(submitted: Date, due: Date, extraDays: Int) -> Int {
        let late = submitted.timeIntervalSince(due.addingTimeInterval(Double(extraDays) * 86_400))
        return late > 0 ? Int((late / 86_400).rounded(.up)) : 0
    }

    /// The percentage taken off for so many days late.
    public func penalty(daysLate: Int) -> Double {
        min(cap, Double(max(0, daysLate - graceDays)) * penaltyPerDay)
    }
}

/// When a submission was handed in: `created_at` of the `submission_metadata.json` a platform
/// exports (Gradescope's autograder shape) in its folder, else when its archive, or the newest
/// file of its folder, was last modified.
enum SubmissionTime {
    static let metadataName = "submission_metadata.json"

    /// The time and where it was read from; `root` is where an archive was unpacked.
    static func find(_ submission: Submission, unpacked root: URL?) -> (date: Date, source: String)? {
        let folder = root ?? (submission.isArchive ? nil : submission.location)
        var note = ""
        if let folder {
            for place in [folder, SubmissionFiles.workspaceRoot(in: folder)] {
                let file = place.appendingPathComponent(metadataName)
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
                if let text = object?["created_at"] as? String, let date = GradingDate.parse(text) {
                    return (date, metadataName)
                }
                note = "; its \(metadataName) has no readable created_at"
                break
            }
        }
        if submission.isArchive || folder == nil {
            let date = (try? submission.location.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            return date.map { ($0, "archive modified" + note) }
        }
        return newestFile(in: submission.location).map { ($0, "newest file modified" + note) }
    }

    static func newestFile(in folder: URL) -> Date? {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return nil }
        var newest: Date?
        for case let url as URL in enumerator {
            if SubmissionArchive.skippedFolders.contains(url.lastPathComponent) {
                enumerator.skipDescendants()
                continue
            }
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
                let date = values.contentModificationDate
            else { continue }
            if newest.map({ date > $0 }) ?? true { newest = date }
        }
        return newest
    }
}
