import Curriculum
import Foundation
import Testing
import Yams

/// JSON text read and written with each object's keys in the order of the text.
@Suite("JSON text in its own order")
struct JSONTextTests {
    func parse(_ text: String) throws -> JSONValue { try JSONText.parse(Data(text.utf8)) }

    @Test("an object keeps the order of its keys through reading and writing; equality ignores it")
    func order() throws {
        let text = #"{"zulu":1,"before":[true,null,{"y":"a","x":-2.5e3}],"after":"z"}"#
        let value = try parse(text)
        #expect(value.json == text.replacingOccurrences(of: "-2.5e3", with: "-2500"))
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["zulu", "before", "after"])
        #expect(try parse(#"{"a":1,"b":2}"#) == parse(#"{"b":2,"a":1}"#))
        #expect(try parse(#"{"a":1,"b":2}"#) != parse(#"{"a":1,"b":3}"#))
        #expect(Set([try parse(#"{"a":1,"b":2}"#), try parse(#"{"b":2,"a":1}"#)]).count == 1)
    }

    @Test("escapes, surrogate pairs and numbers read as JSON defines them")
    func escapes() throws {
        #expect(try parse(#""a\"b\\c\/d\n\u00e9\ud83d\udca5""#) == .string("a\"b\\c/d\né💥"))
        #expect(try parse(" [ 0, -0.5, 1E2, 12 ] ") == .array([.number(0), .number(-0.5), .number(100), .number(12)]))
        #expect(JSONValue.string("tab\tbell\u{07}\"").json == #""tab\tbell\u0007\"""#)
        #expect(try parse(JSONValue.string("tab\tbell\u{07}\"/").json) == .string("tab\tbell\u{07}\"/"))
    }

    @Test(
        "text that is not JSON is refused with where it went wrong",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"open", "\"a\u{01}\"", "{} {}", "{'a':1}",
        ])
    func refused(_ text: String) {
        #expect(throws: JSONTextError.self) { try JSONText.parse(Data(text.utf8)) }
    }

    @Test("nesting deeper than the limit is refused rather than followed")
    func depth() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONTextError.self) { try JSONText.parse(Data(deep.utf8)) }
        #expect(try JSONText.parse(Data("[[[]]]".utf8)) == .array([.array([.array([])])]))
    }

    @Test("a suite's YAML mapping keeps the order it was written in")
    func yamlOrder() throws {
        let node = try #require(try Yams.compose(yaml: "moveMade:\n  player: alice\n  column: D\n  row: 1\n"))
        #expect(JSONValue(yaml: node).json == #"{"moveMade":{"player":"alice","column":"D","row":1}}"#)
    }
}
