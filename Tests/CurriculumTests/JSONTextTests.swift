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
        "text that is not JSON is refused with the rule it breaks and where",
        arguments: [
            ("", JSONTextError(fault: .endsBeforeValue, offset: 0)),
            ("{", JSONTextError(fault: .expected("a key in quotes"), offset: 1)),
            ("[1,]", JSONTextError(fault: .unexpectedCharacter, offset: 3)),
            ("{\"a\" 1}", JSONTextError(fault: .expected("':' after a key"), offset: 5)),
            ("01", JSONTextError(fault: .leadingZero, offset: 2)),
            ("-", JSONTextError(fault: .numberWithoutDigits, offset: 1)),
            ("1.", JSONTextError(fault: .fractionWithoutDigits, offset: 2)),
            ("1e+", JSONTextError(fault: .exponentWithoutDigits, offset: 3)),
            ("tru", JSONTextError(fault: .expected("true"), offset: 0)),
            ("\"open", JSONTextError(fault: .unclosedString, offset: 5)),
            ("\"a\u{01}\"", JSONTextError(fault: .unescapedControlCharacter, offset: 2)),
            (#""\x""#, JSONTextError(fault: .unknownEscape, offset: 3)),
            (#""\u12""#, JSONTextError(fault: .shortUnicodeEscape, offset: 3)),
            ("{} {}", JSONTextError(fault: .textAfterValue, offset: 3)),
            ("{'a':1}", JSONTextError(fault: .expected("a key in quotes"), offset: 1)),
        ])
    func refused(_ text: String, _ expected: JSONTextError) {
        #expect(throws: expected) { try JSONText.parse(Data(text.utf8)) }
    }

    @Test("a refusal says where, in bytes from 0, and what rule")
    func refusalWords() {
        #expect(
            throws: JSONTextError(fault: .expected("':' after a key"), offset: 5),
            performing: { try JSONText.parse(Data(#"{"a" 1}"#.utf8)) })
        #expect(JSONTextError(fault: .expected("':' after a key"), offset: 5).description == "not JSON at byte 5: expected ':' after a key")
        #expect(JSONTextError(fault: .shortUnicodeEscape, offset: 3).description == #"not JSON at byte 3: \u needs four hex digits"#)
    }

    @Test("nesting deeper than the limit is refused rather than followed")
    func depth() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONTextError(fault: .nestedTooDeep(limit: 512), offset: 512)) { try JSONText.parse(Data(deep.utf8)) }
        #expect(try JSONText.parse(Data("[[[]]]".utf8)) == .array([.array([.array([])])]))
    }

    @Test("a suite's YAML mapping keeps the order it was written in")
    func yamlOrder() throws {
        let node = try #require(try Yams.compose(yaml: "moveMade:\n  player: alice\n  column: D\n  row: 1\n"))
        #expect(JSONValue(yaml: node).json == #"{"moveMade":{"player":"alice","column":"D","row":1}}"#)
    }
}
