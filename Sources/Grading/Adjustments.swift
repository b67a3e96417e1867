import Foundation

/// A manual change of points (`adjustments.csv`: id, lesson, points, reason), kept apart from the
/// automatic scores and applied on top of them, before a late penalty, in every report that has
/// scores (the gradebook, Gradescope, feedback). An empty lesson adjusts the submission as a whole.
public struct Adjustment: Codable, Equatable, Sendable {
    public var id: String
    public var lesson: String?
    public var points: Double
    public var reason: String

    public init(id: String, lesson: String? = nil, points: Double, reason: String) {
        self.id = id
        self.lesson = lesson
        self.points = points
        self.reason = reason
    }

    public static let fileName = "adjustments.csv"
    public static let example = "id,lesson,points,reason"

    /// Reads the file; a lesson may be named by id or number and must be one of the run's.
    public static func load(_ url: URL, lessons: [String], numbers: [Int]) throws -> [Adjustment] {
        let table = try CSVTable.read(url)
        try table.require(["id", "points"], example: example)
        var adjustments: [Adjustment] = []
        for row in table.rows {
            guard !row["id"].isEmpty else { throw GradingError.table(file: table.file, line: row.line, .noID) }
            guard let points = Double(row["points"]), points.isFinite else {
                throw GradingError.table(file: table.file, line: row.line, .notPoints(row["points"]))
            }
            var lesson: String?
            let named = row["lesson"]
            if !named.isEmpty {
                if lessons.contains(named) {
                    lesson = named
                } else if let number = Int(named), let index = numbers.firstIndex(of: number) {
                    lesson = lessons[index]
                } else {
                    throw GradingError.table(file: table.file, line: row.line, .notALesson(named, lessons: lessons))
                }
            }
            adjustments.append(Adjustment(id: row["id"], lesson: lesson, points: points, reason: row["reason"]))
        }
        return adjustments
    }
}

extension GradingRun {
    /// The adjustments of one submission, in file order.
    func adjustments(of id: String) -> [Adjustment] { (adjustments ?? []).filter { $0.id == id } }

    /// Adjustments naming no submission of the run (or learner of its roster).
    public var strayAdjustments: [String] {
        let ids = Set(submissions.map(\.id)).union((roster ?? []).map(\.id))
        var stray: [String] = []
        for adjustment in adjustments ?? [] where !ids.contains(adjustment.id) && !stray.contains(adjustment.id) {
            stray.append(adjustment.id)
        }
        return stray
    }
}
