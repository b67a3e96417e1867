import Curriculum

/// Which lessons to grade: `1-7`, `2`, `1,3-4`, or ids (`deciding`), in course order.
public enum LessonRange {
    public static func parse(_ text: String, in course: Course) throws -> [Lesson] {
        var chosen: [Lesson] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let bounds = part.split(separator: "-", maxSplits: 1).map(String.init)
            if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]) {
                guard low >= 1, high <= course.lessons.count, low <= high else {
                    throw GradingError.lessonsOutside(range: part, count: course.lessons.count)
                }
                chosen += course.lessons[(low - 1)..<high]
            } else if let lesson = course.lesson(part) {
                chosen.append(lesson)
            } else {
                throw GradingError.noSuchLesson(part, count: course.lessons.count)
            }
        }
        var seen: Set<String> = []
        return chosen.filter { seen.insert($0.id).inserted }.sorted { $0.number < $1.number }
    }
}
