/// The commands whose output can run past one screen (lesson texts, tables of events, the
/// agenda): on a terminal `Session.run` sends it through the pager. `check` pages its report
/// itself, after the live "compiling…" lines.
extension LessonCommand { static var pagesOutput: Bool { true } }
extension LessonsCommand { static var pagesOutput: Bool { true } }
extension SolutionCommand { static var pagesOutput: Bool { true } }
extension AgendaCommand { static var pagesOutput: Bool { true } }
extension ProgressCommand { static var pagesOutput: Bool { true } }
extension EventsCommand { static var pagesOutput: Bool { true } }
extension StreamsCommand { static var pagesOutput: Bool { true } }
extension ShowCommand { static var pagesOutput: Bool { true } }
extension AllCommand { static var pagesOutput: Bool { true } }
