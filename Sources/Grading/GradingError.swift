import UserFacing

/// A problem with grading itself, for the person running it (or, for a submission that cannot be
/// graded, the row that submission gets): a case per failure, so code and tests match on the case.
public enum GradingError: UserFacingError, Equatable, Sendable {
    /// An instructor's CSV file (a roster, adjustments) that cannot be used; `line` is nil when
    /// the file as a whole cannot be read.
    case table(file: String, line: Int?, TableProblem)
    /// `--lessons` names a range beyond the course's `count` lessons.
    case lessonsOutside(range: String, count: Int)
    /// `--lessons` names no lesson of the course's `count`.
    case noSuchLesson(String, count: Int)
    /// The lesson has no scenarios, binding or module to grade with.
    case noSuite(lesson: Int, id: String)
    /// A private suite gives scenarios the names of the lesson's own.
    case privateScenarioClash(file: String, names: [String])
    case noSubmissionsFolder(String)
    /// An entry of the submissions folder that cannot be read safely.
    case unreadableSubmission(Submission.Unreadable)
    case tooManySourceFiles(limit: Int)
    case sourcesTooLarge(kibibytes: Int)
    /// A submission's archive was refused.
    case archive(name: String, ArchiveProblem)
    case cannotWriteReports(folder: String, reason: String)
    /// A shard's `--out` folder holds no grading.json.
    case noRun(folder: String)
    /// A grading.json another version wrote, or no grading run at all.
    case notARun(file: String, reason: String)
    case shardSyntax
    case nothingToMerge
    case submissionInTwoShards
    /// The shards were graded with something different, so they cannot be one run.
    case shardsDiffer(ShardDifference)

    /// What is wrong with a CSV file, or one of its lines.
    public enum TableProblem: Equatable, Sendable {
        case unreadable
        case notUTF8
        case unclosedQuote
        case empty
        case tooManyFields(Int, header: Int)
        case headerLacks([String], example: String)
        case noID
        case repeatedID(String, firstLine: Int)
        case notPoints(String)
        case notExtraDays(String)
        case notALesson(String, lessons: [String])
    }

    /// Why a submission's archive was refused, in words for the learner.
    public enum ArchiveProblem: Error, Equatable, Sendable {
        case tooLarge(mebibytes: Int)
        case tooManyEntries(Int)
        case tooSlow(seconds: Int)
        case pathLeavesFolder(String)
        case notReadableZip
        case notReadableTar
        case entryCannotBeUnpacked(String)
        case damagedEntry(String)
        case specialFile(String)
        case notUnpackedWhole
    }

    /// What the shards of one merge were graded with differently.
    public enum ShardDifference: Equatable, Sendable {
        case lessons, roster, adjustments, policy
    }

    public var problem: String {
        switch self {
        case .table(let file, let line, let problem): (line.map { "\(file):\($0): " } ?? "\(file): ") + problem.problem
        case .lessonsOutside(let range, let count): "lessons '\(range)' are outside 1-\(count)"
        case .noSuchLesson(let name, _): "there is no lesson '\(name)'"
        case .noSuite(let number, let id): "lesson \(number) (\(id)) has no suite to grade with"
        case .privateScenarioClash(let file, let names): "\(file) repeats scenario names of the lesson: \(names.joined(separator: ", "))"
        case .noSubmissionsFolder(let path): "no submissions folder at \(path)"
        case .unreadableSubmission(.nameNotUTF8): "its name is not valid UTF-8, so it cannot be read safely"
        case .unreadableSubmission(.symbolicLink): "it is a symbolic link, which grading never follows"
        case .tooManySourceFiles(let limit): "it has more than \(limit) Swift files under Sources/; grading takes at most that many"
        case .sourcesTooLarge(let kibibytes): "its Swift sources come to more than \(kibibytes) KiB; grading takes at most that much"
        case .archive(let name, let problem): "cannot unpack \(name): \(problem.reason)"
        case .cannotWriteReports(let folder, let reason): "cannot write the reports to \(folder): \(reason)"
        case .noRun(let folder): "no grading.json in \(folder)"
        case .notARun(let file, let reason): "\(file) is not a grading run of this version: \(reason)"
        case .shardSyntax: "--shard takes I/N with 1 ≤ I ≤ N, such as 2/4"
        case .nothingToMerge: "nothing to merge"
        case .submissionInTwoShards: "a submission appears in two shards"
        case .shardsDiffer(.lessons): "the shards graded different lessons"
        case .shardsDiffer(.roster): "the shards were graded with different rosters"
        case .shardsDiffer(.adjustments): "the shards were graded with different adjustments"
        case .shardsDiffer(.policy): "the shards were graded with different policies (--ungradable, --due, …)"
        }
    }

    public var remedy: String? {
        switch self {
        case .table(_, _, let problem): problem.remedy
        case .noSuchLesson(_, let count): "give numbers (1-\(count)) or ids"
        case .unreadableSubmission(.nameNotUTF8): "rename it and grade it again"
        case .unreadableSubmission(.symbolicLink): "copy the submission itself into the folder"
        case .noRun: "give the --out folders of the shards"
        case .submissionInTwoShards: "merge each shard once"
        case .shardsDiffer(.lessons): "grade them with the same --lessons"
        case .shardsDiffer(.roster): "grade them with the same --roster"
        case .shardsDiffer(.adjustments): "grade them with the same adjustments.csv"
        case .shardsDiffer(.policy): "grade them with the same options"
        default: nil
        }
    }
}

extension GradingError.TableProblem {
    var problem: String {
        switch self {
        case .unreadable: "cannot be read"
        case .notUTF8: "is not UTF-8 text"
        case .unclosedQuote: "a quoted field is never closed"
        case .empty: "is empty"
        case .tooManyFields(let count, let header): "has \(count) fields, the header \(header)"
        case .headerLacks(let columns, _): "the header lacks \(columns.joined(separator: ", "))"
        case .noID: "has no id"
        case .repeatedID(let id, let first): "the id '\(id)' is on line \(first) already"
        case .notPoints(let value): "points should be a number such as 2 or -1.5, not '\(value)'"
        case .notExtraDays(let value): "extra_days should be a whole number of days, 0 or more, not '\(value)'"
        case .notALesson(let name, let lessons): "'\(name)' is not a lesson of this run (\(lessons.joined(separator: ", ")))"
        }
    }

    var remedy: String? {
        switch self {
        case .empty: "it needs a header line"
        case .headerLacks(_, let example): "it should read like: \(example)"
        case .notALesson: "leave it empty for the whole submission"
        default: nil
        }
    }
}

extension GradingError.ArchiveProblem {
    var reason: String {
        switch self {
        case .tooLarge(let mebibytes): "it unpacks to more than \(mebibytes) MiB; grading unpacks at most that"
        case .tooManyEntries(let entries): "it holds more than \(entries) entries; grading unpacks at most that many"
        case .tooSlow(let seconds): "unpacking took longer than \(seconds) s"
        case .pathLeavesFolder(let path): "it holds a path that leaves its folder (\(path))"
        case .notReadableZip: "it is not a readable zip archive"
        case .notReadableTar: "it is not a readable .tar.gz archive"
        case .entryCannotBeUnpacked(let path): "it holds an entry that cannot be unpacked (\(path))"
        case .damagedEntry(let path): "it is damaged (\(path) cannot be read)"
        case .specialFile(let path): "it holds a device, pipe or other special file (\(path)), which grading refuses"
        case .notUnpackedWhole: "it could not be unpacked whole; it may be damaged"
        }
    }
}
