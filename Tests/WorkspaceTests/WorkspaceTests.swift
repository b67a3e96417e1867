import Curriculum
import EventSourcing
import Foundation
import TestSupport
import Testing

@testable import Workspace

@Suite("The learner's workspace")
struct WorkspaceTests {
    let folder = TemporaryFolder()

    func course(lessons: Int = 3) throws -> Course {
        try CoursePackLoader.load(from: PackFixture.write(in: folder, lessons: lessons))
    }

    var root: URL { folder.url.appendingPathComponent("ws") }

    @Test("first use creates the workspace with its state folder and event store")
    func creation() throws {
        let workspace = try Workspace(root: root)
        #expect(FileManager.default.fileExists(atPath: workspace.storeFile.path))
        #expect(folder.read("ws/.workshop/workspace.json")?.contains("\"formatVersion\":1") == true)
    }

    @Test("starting a lesson copies its starter files and writes a Package.swift for editors")
    func starterCopied() throws {
        let course = try course()
        let workspace = try Workspace(root: root)
        let report = try workspace.installStarter(of: course.lessons[0])
        #expect(report.added == ["Sources/Game/Step1.swift"])
        #expect(folder.read("ws/Sources/Game/Step1.swift") == "// TODO: step 1\n")
        let manifest = try #require(folder.read("ws/Package.swift"))
        #expect(manifest.contains(".target(name: \"Game\""))
        #expect(manifest.contains("swift-tools-version"))
    }

    @Test("a file the learner edited is never overwritten; the lesson's version is kept beside it")
    func editedFileKept() throws {
        let course = try course()
        // Two lessons whose starters share a path.
        folder.write("lessons/lesson-2/starter/Sources/Game/Step1.swift", "// lesson 2's version\n")
        let reloaded = try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"))
        let workspace = try Workspace(root: root)
        _ = try workspace.installStarter(of: course.lessons[0])
        folder.write("ws/Sources/Game/Step1.swift", "// my own work\n")
        let report = try workspace.installStarter(of: reloaded.lessons[1])
        #expect(folder.read("ws/Sources/Game/Step1.swift") == "// my own work\n")
        #expect(report.kept.map(\.path) == ["Sources/Game/Step1.swift"])
        #expect(folder.read("ws/\(report.kept[0].lessonVersion)") == "// lesson 2's version\n")
        // Starting the first lesson again does not touch the learner's file either.
        _ = try workspace.installStarter(of: course.lessons[0])
        #expect(folder.read("ws/Sources/Game/Step1.swift") == "// my own work\n")
    }

    @Test("an untouched starter file is updated to a later lesson's version")
    func untouchedFileUpdated() throws {
        _ = try course()
        folder.write("lessons/lesson-2/starter/Sources/Game/Step1.swift", "// lesson 2's version\n")
        let course = try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"))
        let workspace = try Workspace(root: root)
        _ = try workspace.installStarter(of: course.lessons[0])
        let report = try workspace.installStarter(of: course.lessons[1])
        #expect(report.updated == ["Sources/Game/Step1.swift"])
        #expect(folder.read("ws/Sources/Game/Step1.swift") == "// lesson 2's version\n")
    }

    @Test("a --store that is not PostgreSQL, or a damaged store file, is refused with what it was and what to do")
    func unusableStores() throws {
        #expect(throws: WorkspaceError.notPostgresURL(redacted: "mysql://pat:***@db/room")) {
            try Workspace(root: root, storeURL: "mysql://pat:secret@db/room")
        }
        folder.write("ws/.workshop/events.sqlite", String(repeating: "not a database ", count: 512))
        do {
            _ = try Workspace(root: root)
            Issue.record("a damaged store file opened")
        } catch {
            guard case .localStoreUnusable(let path, _) = error else { throw error }
            #expect(path == root.appendingPathComponent(".workshop/events.sqlite").path)
            #expect(
                error.description
                    == "the event store \(path) is not a readable SQLite database (file is not a database); "
                    + "move it aside to start a fresh store, or restore it from a backup")
        }
    }

    @Test("a workspace from a newer tool is refused with what to do; an older or half-written one is upgraded")
    func formatVersions() throws {
        folder.write("ws/.workshop/workspace.json", "{\"formatVersion\": 99, \"createdAt\": \"2026-01-01T00:00:00Z\"}")
        #expect(throws: WorkspaceError.newerFormat(path: root.path, found: 99, supported: Workspace.formatVersion)) {
            try Workspace(root: root)
        }
        folder.write("ws/.workshop/workspace.json", "{\"formatVers")
        folder.write("ws/Sources/Game/Mine.swift", "// mine\n")
        _ = try Workspace(root: root)
        #expect(folder.read("ws/.workshop/workspace.json")?.contains("\"formatVersion\":1") == true)
        #expect(folder.read("ws/Sources/Game/Mine.swift") == "// mine\n")
    }

    @Test("an unwritable place gets a message naming it and what to do")
    func unwritable() throws {
        try Data().write(to: folder.url.appendingPathComponent("file"))
        let inside = folder.url.appendingPathComponent("file/ws")
        do {
            _ = try Workspace(root: inside)
            Issue.record("a workspace inside a file cannot be created")
        } catch {
            #expect(error.description.contains("cannot write the workspace at \(inside.path)"))
            #expect(error.description.contains("--workspace DIR"))
        }
    }
}

@Suite("Progress as a projection of events")
struct LearnerProgressTests {
    func recorded(_ event: ProgressEvent, at seconds: TimeInterval, revision: UInt64) -> RecordedEvent {
        let data = event.eventData()
        return RecordedEvent(
            eventId: data.eventId, type: data.type, stream: ProgressEvent.stream, revision: revision, position: revision,
            data: data.data, metadata: data.metadata, causationId: nil, correlationId: nil,
            createdAt: Date(timeIntervalSince1970: seconds))
    }

    @Test("status, time spent, hints and checks are folded from the stream")
    func projection() {
        let events: [ProgressEvent] = [
            .lessonStarted(lesson: "a"), .hintShown(lesson: "a", tier: 1), .hintShown(lesson: "a", tier: 2),
            .checkRun(lesson: "a", passed: 3, total: 7), .checkRun(lesson: "a", passed: 7, total: 7), .lessonCompleted(lesson: "a"),
            .lessonStarted(lesson: "b"), .lessonSkipped(lesson: "b"), .lessonStarted(lesson: "c"),
        ]
        let times: [TimeInterval] = [0, 60, 120, 300, 600, 600, 700, 760, 800]
        let stream = zip(events, times).enumerated().map { recorded($1.0, at: $1.1, revision: UInt64($0)) }
        let progress = LearnerProgress.project(stream, now: Date(timeIntervalSince1970: 1_100))
        #expect(progress["a"].status == .completed)
        #expect(progress["a"].secondsSpent == 600)
        #expect(progress["a"].hintsUsed == 2)
        #expect(progress["a"].checks == 2)
        #expect(progress["a"].bestPassed == 7)
        #expect(progress["b"].status == .skipped)
        #expect(progress["b"].secondsSpent == 60)
        #expect(progress["c"].status == .inProgress)
        #expect(progress["c"].secondsSpent == 300)
        #expect(progress["d"].status == .notStarted)
        #expect(progress.currentLesson == "c")
        #expect(progress.completedCount == 1)
    }

    @Test("events this version does not know are passed over, not fatal")
    func unknownEvents() {
        let unknown = RecordedEvent(
            eventId: UUID(), type: "SomethingNew", stream: ProgressEvent.stream, revision: 0, position: 0,
            data: Data("{\"lesson\":\"a\"}".utf8), metadata: Data("{}".utf8), causationId: nil, correlationId: nil, createdAt: Date())
        #expect(LearnerProgress.project([unknown], now: Date()).lessons.isEmpty)
    }

    @Test("progress is recorded in the workspace's store and read back")
    func recordedInStore() throws {
        let folder = TemporaryFolder()
        let workspace = try Workspace(root: folder.url)
        try workspace.record(.lessonStarted(lesson: "a"))
        try workspace.record(.hintShown(lesson: "a", tier: 1))
        let reopened = try Workspace(root: folder.url)
        #expect(try reopened.progressEvents().map(\.type) == ["LessonStarted", "HintShown"])
        #expect(try reopened.progress()["a"].hintsUsed == 1)
    }

    @Test("a workspace that kept progress under its old name is moved to the system stream, history, ids and times kept")
    func legacyStreamMigrated() throws {
        let folder = TemporaryFolder()
        let old = try Workspace(root: folder.url)
        try old.progressStore.append(
            [ProgressEvent.lessonStarted(lesson: "a").eventData(), ProgressEvent.hintShown(lesson: "a", tier: 2).eventData()],
            to: ProgressEvent.legacyStream, expected: .any)
        // A shell of an older tool, still open, went on writing under the old name after a newer one had moved it.
        try old.record(.checkRun(lesson: "a", passed: 1, total: 3))
        try old.progressStore.append(
            [ProgressEvent.lessonCompleted(lesson: "a").eventData()], to: ProgressEvent.legacyStream, expected: .any)
        let before = try old.progressStore.readAll(from: 0, limit: nil)
        let reopened = try Workspace(root: folder.url)
        let moved = try reopened.progressEvents()
        #expect(moved.map(\.type) == ["LessonStarted", "HintShown", "CheckRun", "LessonCompleted"])
        #expect(moved.map(\.revision) == [0, 1, 2, 3])
        #expect(moved.map(\.eventId) == before.map(\.eventId))
        #expect(moved.map(\.createdAt) == before.map(\.createdAt))
        #expect(try reopened.progressStore.streams().map(\.name) == [ProgressEvent.stream])
        #expect(ProgressEvent.stream.isSystem)
        #expect(try reopened.progress()["a"].status == .completed)
    }
}
