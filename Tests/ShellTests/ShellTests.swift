import Testing

@testable import Shell

@Suite("Splitting a typed line into words")
struct ShellWordsTests {
    @Test("spaces separate, quotes group, backslash escapes")
    func splitting() throws {
        #expect(try ShellWords.split("start  4") == ["start", "4"])
        #expect(try ShellWords.split("start-game g1 \"Ada Lovelace\" 'Bob'") == ["start-game", "g1", "Ada Lovelace", "Bob"])
        #expect(try ShellWords.split("say a\\ b") == ["say", "a b"])
        #expect(try ShellWords.split("empty \"\"") == ["empty", ""])
        #expect(try ShellWords.split("   ") == [])
    }

    @Test("a # that starts a word starts a comment; inside a word or quotes it is a character")
    func comments() throws {
        #expect(try ShellWords.split("state game-1          # your fold, drawn as a board") == ["state", "game-1"])
        #expect(try ShellWords.split("say a#b \"#c\" \\#d") == ["say", "a#b", "#c", "#d"])
    }

    @Test("an unclosed quote is an error that says so")
    func unclosedQuote() {
        #expect(throws: ShellWords.UnclosedQuote.self) { try ShellWords.split("say \"hello") }
    }
}

@Suite("Tab completion")
struct CompletionTests {
    struct Source: CompletionSource {
        func candidates(forWordAt index: Int, after words: [String]) -> [String] {
            index == 0 ? ["lessons", "lesson", "start", "help"] : words.first == "start" ? ["1", "2", "deciding", "events-are-facts"] : []
        }
    }

    @Test("completes command names, then argument values the table knows")
    func completing() {
        #expect(Completion.complete("st", source: Source()) == ["start"])
        #expect(Completion.complete("less", source: Source()) == ["lesson", "lessons"])
        #expect(Completion.complete("", source: Source()) == ["help", "lesson", "lessons", "start"])
        #expect(Completion.complete("start d", source: Source()) == ["deciding"])
        #expect(Completion.complete("start ", source: Source()) == ["1", "2", "deciding", "events-are-facts"])
        #expect(Completion.complete("help x", source: Source()) == [])
    }

    @Test("the common prefix is what Tab inserts without choosing")
    func commonPrefix() {
        #expect(Completion.commonPrefix(["lesson", "lessons"]) == "lesson")
        #expect(Completion.commonPrefix(["start"]) == "start")
        #expect(Completion.commonPrefix([]) == "")
    }
}

@Suite("Rendering for the terminal")
struct RenderingTests {
    let plain = Styler(enabled: false)

    @Test("paragraphs wrap to the width by words, with hanging indents for list items")
    func wrapping() {
        let lines = MarkdownRenderer(styler: plain, width: 20).render(
            "A paragraph that is long enough to wrap twice over.\n\n- an item that also wraps around\n1. first")
        #expect(
            lines == ["A paragraph that is", "long enough to wrap", "twice over.", "", "• an item that also", "  wraps around", "1. first"])
        #expect(lines.allSatisfy { $0.count <= 20 })
    }

    @Test("headings, emphasis, inline code, links and code blocks render without markup when plain")
    func markup() {
        let text = "# Events\n\nSome **bold** and *em* and `code` and [docs](http://x).\n\n```swift\nlet a = 1\n```\n\n> a quote"
        let lines = MarkdownRenderer(styler: plain, width: 60).render(text)
        #expect(
            lines == ["EVENTS", "══════", "", "Some bold and em and `code` and docs (http://x).", "", "    let a = 1", "", "│ a quote"])
    }

    @Test("colour wraps text in escape codes only when enabled, and escape codes take no columns")
    func colour() {
        let coloured = Styler(enabled: true).apply("ok", .success)
        #expect(coloured == "\u{1B}[32mok\u{1B}[0m")
        #expect(Styler.visibleWidth(coloured) == 2)
        #expect(plain.apply("ok", .success) == "ok")
        let heading = MarkdownRenderer(styler: Styler(enabled: true), width: 40).render("## Title")
        #expect(heading[0].contains("\u{1B}["))
    }

    @Test("snake_case words are not taken for emphasis")
    func underscores() {
        #expect(MarkdownRenderer(styler: plain, width: 80).render("use game_started here") == ["use game_started here"])
    }

    @Test("tables align columns and wrap the last one to the width")
    func tables() {
        let lines = TableRenderer(styler: plain, width: 30).render(
            header: ["#", "title"], rows: [["1", "short"], ["2", "a much longer title that needs wrapping"]])
        #expect(lines[0] == "#  title")
        #expect(lines[1] == "1  short")
        #expect(lines[2].hasPrefix("2  a much longer"))
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 30 })
        let json = #"{"orderPlaced":{"customerId":"helen","items":["latte"],"orderId":"6","total":450}}"#
        let data = TableRenderer(styler: plain, width: 40).render(header: ["rev", "data"], rows: [["0", json]])
        #expect(data.dropFirst().allSatisfy { $0.count <= 40 }, "a word without spaces is broken too")
        #expect(data.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.joined() == "0    " + json, "and nothing is lost")
        #expect(data.dropFirst().dropLast().contains { $0.hasSuffix(",") }, "JSON breaks after a comma where one fits")
    }

    @Test("the terminal's colour follows NO_COLOR and TERM")
    func colourDecision() {
        #expect(Terminal.usesColour(outputIsTerminal: true, environment: ["TERM": "xterm"]))
        #expect(!Terminal.usesColour(outputIsTerminal: true, environment: ["NO_COLOR": "1", "TERM": "xterm"]))
        #expect(Terminal.usesColour(outputIsTerminal: true, environment: ["NO_COLOR": "", "TERM": "xterm"]), "an empty NO_COLOR is unset")
        #expect(!Terminal.usesColour(outputIsTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!Terminal.usesColour(outputIsTerminal: true, environment: [:]))
        #expect(!Terminal.usesColour(outputIsTerminal: false, environment: ["TERM": "xterm"]))
        #expect(Terminal.currentWidth(environment: ["COLUMNS": "100"], outputIsTerminal: false) == 100)
        #expect(Terminal.currentWidth(environment: [:], outputIsTerminal: false) == 80)
    }
}

@Suite("Laying text out on a screen")
struct LayoutTests {
    @Test("JSON wider than its column breaks only between tokens, never inside a string or a number")
    func jsonBreaks() {
        let json = #"{"moveMade":{"column":"A","player":"a long player name, with a comma","row":12345}}"#
        let lines = TableRenderer.breakLong(json, width: 20)
        #expect(lines.joined() == json, "nothing is lost or added")
        #expect(lines.contains(#""a long player name, with a comma","#), "the string stays whole: \(lines)")
        #expect(lines.contains { $0.hasPrefix(#""row":12345"#) }, "\(lines)")
        for line in lines where line.count > 20 { #expect(line.hasPrefix("\""), "only a single long token may overflow: \(line)") }
    }

    @Test("wide characters take two columns, so tables with ☕ line up")
    func wideCharacters() {
        #expect(Styler.visibleWidth("☕ Coffee") == 9)
        #expect(Styler.visibleWidth("zoë") == 3)
        #expect(Styler.visibleWidth("e\u{301}") == 1)
        let lines = TableRenderer(styler: Styler(enabled: false), width: 80).render(
            header: ["a", "b"], rows: [["☕ x", "1"], ["yyyy", "2"]])
        #expect(lines[1].hasPrefix("☕ x  1"))
        #expect(lines[2].hasPrefix("yyyy  2"))
    }

    @Test("a paragraph wraps each of its lines, keeping a line's own indentation")
    func paragraphs() {
        let (out, text) = Output.buffer(width: 24)
        out.paragraph("error: one two three four five six\n   | an indented excerpt line", hanging: "       ")
        let lines = text().components(separatedBy: "\n").dropLast()
        #expect(lines.allSatisfy { $0.count <= 24 }, "\(lines)")
        #expect(lines[1].hasPrefix("       "))
        #expect(lines.contains { $0.hasPrefix("          | an") }, "\(lines)")
    }

    @Test("the high-contrast theme draws no dim text and no yellow; the standard one does")
    func themes() {
        let standard = Styler(enabled: true), contrast = Styler(enabled: true, theme: .highContrast)
        #expect(standard.apply("·", .dim) == "\u{1B}[2m·\u{1B}[0m")
        #expect(contrast.apply("·", .dim) == "·")
        #expect(standard.apply("O", .yellow, .bold).contains("33"))
        #expect(!contrast.apply("O", .yellow, .bold).contains("33"))
        #expect(contrast.apply("O", .yellow, .bold) != contrast.apply("X", .red, .bold), "the two players still differ")
        #expect(Theme.from(environment: ["WORKSHOP_THEME": "high-contrast"]) == .highContrast)
        #expect(Theme.from(environment: [:]) == .standard)
    }

    @Test("a pager is $PAGER, else less -R; PAGER= or cat turns it off")
    func pagerChoice() {
        #expect(Pager(environment: ["PAGER": "more"]).command == "more")
        #expect(Pager(environment: ["PAGER": ""]).command == nil)
        #expect(Pager(environment: ["PAGER": "cat"]).command == nil)
        #expect(Pager(environment: ["PATH": "/nonexistent"]).command == nil)
        #expect(Pager(environment: ["PATH": "/usr/bin:/bin"]).environment["LESS"] == "FRX")
        #expect(Pager(environment: ["LESS": "R"]).environment.isEmpty, "a person's own LESS is kept")
    }

    @Test("what a command writes can be collected and then written elsewhere")
    func capturing() {
        let (out, text) = Output.buffer()
        out.line("before")
        let collected = out.capturing { out.line("inside") }
        out.line("after")
        #expect(collected == "inside\n")
        #expect(text() == "before\nafter\n")
    }
}
