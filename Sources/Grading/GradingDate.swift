import Foundation

/// Dates the grader reads: `--due`, and the submission times platforms export.
public enum GradingDate {
    /// ISO 8601 with a zone (`2026-12-01T23:59:00Z`, `…+01:00`, Gradescope's fractional seconds),
    /// or without one in UTC (`2026-12-01T23:59`, `2026-12-01 23:59`); a bare day means its last
    /// second, UTC, so `--due 2026-12-01` accepts work all that day.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) { return date }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for pattern in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = pattern
            if let date = formatter.date(from: trimmed) { return date }
        }
        formatter.dateFormat = "yyyy-MM-dd"
        if trimmed.count == 10, let day = formatter.date(from: trimmed) { return day.addingTimeInterval(86_399) }
        return nil
    }

    /// `2026-12-01T23:59:00Z`: how reports write a date.
    public static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public static let expected = "a date such as 2026-12-01, 2026-12-01T23:59 (UTC) or 2026-12-01T23:59:00+01:00"
}
