import Curriculum
import Foundation
import Shell
import StoreWindow
import TestSupport
import Testing
import Workspace

@testable import WorkshopCommands

/// The tool speaks of the pack it was given: on a pack with no game and no coffee shop, nothing it
/// prints (help, every command's usage, the answers of the commands a learner types first, the
/// window's page) borrows the course's own domain words.
@Suite("The tool's words are the pack's, not Connect Four's or the coffee shop's")
struct PackVocabularyTests {
    let folder = TemporaryFolder()
    let table: CommandTable
    let screen: () -> String

    /// Words of this repository's course that no other pack would use.
    static let courseWords = [
        "game", "games", "connect four", "connect-four", "board", "disc", "alice", "bob", "player",
        "deciding", "evolving", "start-game", "barstucks", "barista", "latte", "croissant", "customer", "loyalty",
        "order-", "orders",
    ]

    init() throws {
        let shell = try InProcessShell(
            course: CoursePackLoader.load(from: PackFixture.write(in: folder, lessons: 2)), in: folder, width: 100)
        (table, screen) = (shell.table, shell.screen)
    }

    static func borrowed(in text: String) -> [String] {
        let lower = text.lowercased()
        return courseWords.filter { word in
            lower.range(of: "(?<![a-z])\(NSRegularExpression.escapedPattern(for: word))(?![a-z])", options: .regularExpression) != nil
        }
    }

    @Test("help, every command's --help and the first answers of an empty workspace use none of the course's words")
    func shell() {
        var lines: [[String]] = [
            ["help"], ["lessons"], ["agenda"], ["progress"], ["streams"], ["all"], ["show", "x-1"], ["state", "x-1"],
        ]
        lines += Workshop.commands.map { [$0.configuration.commandName ?? "", "--help"] }
        for line in lines { _ = table.execute(line) }
        let text = screen()
        #expect(text.contains("USAGE: state"), "the usages were printed: \(text.prefix(200))")
        #expect(Self.borrowed(in: text) == [], "\(Self.borrowed(in: text).map { word in Self.context(of: word, in: text) })")
    }

    @Test("the window's page, stylesheet and script name no game and no shop")
    func window() {
        let text = ([WindowPage.html] + WindowPage.assets.map(\.1.body)).joined(separator: "\n")
        #expect(Self.borrowed(in: text) == [], "\(Self.borrowed(in: text).map { word in Self.context(of: word, in: text) })")
    }

    @Test("the words are found where they are: the check itself can fail")
    func detector() {
        #expect(Self.borrowed(in: "Show a stream, e.g. game-42.") == ["game"])
        #expect(Self.borrowed(in: "in the order it was stored, by category") == [])
    }

    static func context(of word: String, in text: String) -> String {
        guard let range = text.lowercased().range(of: word) else { return word }
        let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
        return "\(word): …\(text[start..<end])…"
    }
}
