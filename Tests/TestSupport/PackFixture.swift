import Foundation

/// Writes a small, valid lesson pack into a folder, which a test may then break on purpose.
public enum PackFixture {
    /// Lesson ids of the fixture, in course order.
    public static func ids(_ count: Int) -> [String] { (1...count).map { "lesson-\($0)" } }

    /// Writes `lessons/` (course file and `count` lessons) under `folder`; returns the pack's folder.
    @discardableResult
    public static func write(in folder: TemporaryFolder, lessons count: Int = 3) -> URL {
        let ids = ids(count)
        let firstDay = ids.prefix((count + 1) / 2).map { "      - lesson: \($0)" }.joined(separator: "\n")
        let secondDay = ids.dropFirst((count + 1) / 2).map { "      - lesson: \($0)" }.joined(separator: "\n")
        folder.write(
            "lessons/course.yaml",
            """
            title: Fixture Course
            days:
              - title: Day one
                starts: "09:00"
                schedule:
            \(firstDay)
                  - break: Coffee
                    minutes: 15
            \(secondDay.isEmpty ? "" : "  - title: Day two\n    schedule:\n" + secondDay)

            """)
        for (index, id) in ids.enumerated() {
            let prerequisites = index == 0 ? "[]" : "\n  - \(ids[index - 1])"
            folder.write(
                "lessons/\(id)/lesson.md",
                """
                ---
                id: \(id)
                title: Lesson number \(index + 1)
                duration: \(20 + index)
                objectives:
                  - Understand thing \(index + 1)
                prerequisites: \(prerequisites)
                ---
                # Lesson \(index + 1)

                Some **bold** text and `code` about lesson \(index + 1).

                - a point
                - another point

                ```swift
                let x = \(index + 1)
                ```

                """)
            folder.write(
                "lessons/\(id)/hints.md",
                """
                ## Nudge
                Think about \(id).

                ## Approach
                Try the approach for \(id).

                ## Nearly the answer
                Write `answer(\(index + 1))`.

                """)
            folder.write("lessons/\(id)/starter/Sources/Game/Step\(index + 1).swift", "// TODO: step \(index + 1)\n")
        }
        return folder.url.appendingPathComponent("lessons")
    }
}
