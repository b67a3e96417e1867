import EventSourcing

/// Which streams are the tool's own (the learner's progress, system streams) rather than the
/// learner's domain: the window shows them apart, never mixed into the domain's listings.
public enum ToolStreams {
    /// The one place that decides: system streams start with `$`, and the `progress` category
    /// holds the tool's record of the learner (`progress-learner`).
    public static func isToolOwn(_ stream: StreamName) -> Bool {
        stream.rawValue.hasPrefix("$") || stream.category == "progress"
    }
}
