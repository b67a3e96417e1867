import Foundation

/// The reference code of a lesson as a learner who solved every lesson up to it has it: the
/// overlays of the earlier lessons of its module and its own, laid one over the other in teaching
/// order (and, for a wrong solution, that overlay laid on top).
public struct ComposedReference: Sendable, Equatable {
    /// The lesson it is the reference of.
    public var lesson: String
    /// Every file, by its path in a workspace (`Sources/ConnectFour/Decide.swift`).
    public var files: [String: Data]
    /// The paths the top overlay adds or changes: this lesson's own code (or what the wrong
    /// solution changes), as opposed to what it builds on.
    public var changed: Set<String>
    /// The reference the top overlay was laid on: the previous lesson's of the module (or, for a
    /// wrong solution, the lesson's own reference).
    public var base: [String: Data]

    /// Every file's path, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// Every file as UTF-8 text, by path.
    public var texts: [String: String] { files.mapValues { String(decoding: $0, as: UTF8.self) } }

    /// The files the base holds, as UTF-8 text, by path.
    public var baseTexts: [String: String] { base.mapValues { String(decoding: $0, as: UTF8.self) } }

    /// Writes every file under `folder`, creating what is missing.
    public func write(into folder: URL) throws {
        for (path, content) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url)
        }
    }
}

/// Why a reference could not be composed.
public enum ReferenceCompositionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file of an overlay could not be read.
    case unreadable(path: String)
    /// The lesson keeps no wrong solution of that name.
    case noWrongSolution(lesson: String, name: String, known: [String])
    /// A patch (a wrong solution's, or a lesson's `<path>.patch`) is malformed, or no longer applies
    /// to the reference it is laid on (the patch's line).
    case patch(name: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .noWrongSolution(let lesson, let name, let known):
            "lesson '\(lesson)' has no wrong solution '\(name)' in solutions/\(lesson).wrong/"
                + (known.isEmpty ? "" : " (it has: \(known.joined(separator: ", ")))")
        case .patch(let name, let line, let message): "solutions/\(name):\(line): \(message)"
        }
    }
}

// `solutions/<lesson>/` holds only what a lesson adds or changes (a whole file, or `<path>.patch` of
// the lines it changes in an earlier lesson's file), and `solutions/<lesson>.wrong/<name>.patch` only
// what a wrong solution changes, both applied by `ReferencePatch`: a copy cannot drift from its
// original when there is no copy, and "the lines this lesson changed" is simply what its overlay holds. Everything that needs a whole
// reference (solution, catch-up, skip, lint, the tests) asks `composedReference(of:wrong:)`.
extension Course {
    /// The folder of a lesson's overlay: the files its reference adds or changes.
    public func overlayFolder(of lesson: Lesson) -> URL {
        solutionsFolder.appendingPathComponent(lesson.id)
    }

    /// The folder of a lesson's wrong solutions, each laid over its reference: a folder of the files
    /// it changes (`<name>/`), or a unified diff of the lines it changes (`<name>.patch`).
    public func wrongSolutionsFolder(of lesson: Lesson) -> URL {
        solutionsFolder.appendingPathComponent("\(lesson.id).wrong")
    }

    /// The names of a lesson's wrong solutions, sorted.
    public func wrongSolutionNames(of lesson: Lesson) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: wrongSolutionsFolder(of: lesson).path)) ?? []
        let visible = names.filter { !$0.hasPrefix(".") }
        return Set(visible.map { $0.hasSuffix(".patch") ? String($0.dropLast(6)) : $0 }).sorted()
    }

    /// The lessons whose overlays make up a lesson's reference: the earlier lessons of its module,
    /// then itself. A day-2 lesson in another module does not build on day 1's game.
    public func referenceLessons(upTo lesson: Lesson) -> [Lesson] {
        lessons.prefix(lesson.number).filter { $0.module == lesson.module }
    }

    /// The reference code of `lesson`: the overlays of the earlier lessons of its module and its
    /// own, later ones winning; with `wrong`, that wrong solution laid over it.
    public func composedReference(of lesson: Lesson, wrong: String? = nil) throws(ReferenceCompositionError) -> ComposedReference {
        var files: [String: Data] = [:]
        var base: [String: Data] = [:]
        var changed: Set<String> = []
        func lay(_ overlay: [String: Data]) {
            base = files
            changed = Set(overlay.keys)
            files.merge(overlay) { $1 }
        }
        for earlier in referenceLessons(upTo: lesson) {
            lay(try Self.overlay(in: overlayFolder(of: earlier), named: earlier.id, over: files, starter: try starter(of: earlier)))
        }
        if let wrong {
            let known = wrongSolutionNames(of: lesson)
            guard known.contains(wrong) else { throw .noWrongSolution(lesson: lesson.id, name: wrong, known: known) }
            let folder = wrongSolutionsFolder(of: lesson).appendingPathComponent(wrong)
            let patch = folder.appendingPathExtension("patch")
            if let text = FileManager.default.contents(atPath: patch.path) {
                let name = "\(lesson.id).wrong/\(wrong).patch"
                lay(try ReferencePatch(String(decoding: text, as: UTF8.self), name: name).apply(to: files))
            } else {
                lay(try Self.overlay(in: folder))
            }
        }
        return ComposedReference(lesson: lesson.id, files: files, changed: changed, base: base)
    }

    /// The files a lesson's starter gives, by their path in a workspace.
    public func starter(of lesson: Lesson) throws(ReferenceCompositionError) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in lesson.starterFiles {
            let url = lesson.starterFolder.appendingPathComponent(path)
            guard let content = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
            files[path] = content
        }
        return files
    }

    /// A lesson's overlay as the files it lays over `earlier` (the reference the earlier lessons
    /// composed): its whole files as they are, and each `<path>.patch` applied to the file the
    /// learner starts the lesson with at `<path>`: the lesson's own `starter` file when it gives one,
    /// else `earlier`'s. A reference that keeps most of a file is kept as a patch, so a fix to the
    /// starter or the earlier file reaches it, or stops it applying loudly; a copy would drift unseen.
    static func overlay(
        in folder: URL, named lesson: String, over earlier: [String: Data], starter: [String: Data] = [:]
    ) throws(ReferenceCompositionError) -> [String: Data] {
        let held = try Self.overlay(in: folder)
        var overlay: [String: Data] = [:]
        for (path, content) in held {
            guard path.hasSuffix(".patch") else {
                overlay[path] = content
                continue
            }
            let target = String(path.dropLast(".patch".count))
            let name = "\(lesson)/\(path)"
            let patch = try ReferencePatch(String(decoding: content, as: UTF8.self), name: name)
            guard patch.changes.map(\.path) == [target] else {
                throw .patch(
                    name: name, line: 1,
                    message: "changes \(patch.changes.map(\.path).joined(separator: ", ")); it must change \(target) only")
            }
            guard held[target] == nil else {
                throw .patch(name: name, line: 1, message: "the overlay also holds the whole \(target); keep one of the two")
            }
            let started = earlier.merging(starter) { $1 }
            guard started[target] != nil else {
                throw .patch(
                    name: name, line: 1,
                    message: "neither the lesson's starter nor an earlier lesson of the module has \(target); hold the whole file instead")
            }
            overlay.merge(try patch.apply(to: started)) { $1 }
        }
        return overlay
    }

    /// The regular files under `folder`, by path relative to it; none when it does not exist.
    static func overlay(in folder: URL) throws(ReferenceCompositionError) -> [String: Data] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return [:] }
        let base = folder.standardizedFileURL.path
        var files: [String: Data] = [:]
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
            guard let content = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = content
        }
        return files
    }
}
