import Curriculum
import EventSourcing
import Foundation
import Testing

/// The host writes the learner's values with their fields in the order their types declare them,
/// the order the tool then shows them in.
@Suite("Writing the learner's values in their declared order")
struct OrderedJSONTests {
    enum Column: String, Codable { case A, D }
    enum Event: Codable { case moveMade(player: String, column: Column, row: Int), gameDrawn, scored(Int, by: String) }
    struct Window: Codable {
        var zulu = 1
        var before = "b"
        var after: Double = 0.5
        var nothing: Int? = nil
        var nested = [[1, 2], []]
        var tally = ["zoë": 1, "adam": 2, "mo": 3]
        var when = Date(timeIntervalSinceReferenceDate: 10)
        var bytes = Data([1, 2, 3])
    }

    func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try OrderedJSON.encode(value), as: UTF8.self)
    }

    @Test("a struct's fields and an enum case's values come in declaration order, on every run")
    func declarationOrder() throws {
        for _ in 0..<20 {
            #expect(
                try text(Event.moveMade(player: "alice", column: .D, row: 1)) == #"{"moveMade":{"player":"alice","column":"D","row":1}}"#)
            #expect(try text(Window()).hasPrefix(#"{"zulu":1,"before":"b","after":0.5,"nested":[[1,2],[]],"#))
        }
        #expect(try text(Event.gameDrawn) == #"{"gameDrawn":{}}"#)
        #expect(try text(Event.scored(3, by: "bob")) == #"{"scored":{"_0":3,"by":"bob"}}"#)
    }

    @Test("a dictionary, which has no order of its own, is written in key order")
    func dictionaries() throws {
        #expect(try text(Window()).contains(#""tally":{"adam":2,"mo":3,"zoë":1}"#))
    }

    @Test("dates, data, nil and awkward strings are written as JSONEncoder writes them, and read back the same")
    func sameValuesAsFoundation() throws {
        let ordered = try JSONText.parse(OrderedJSON.encode(Window()))
        let foundation = try JSONText.parse(JSONEncoder().encode(Window()))
        #expect(ordered == foundation)
        let awkward = ["quote \" slash / back \\ tab \t bell \u{07} line\n", "", "💥"]
        #expect(try JSONDecoder().decode([String].self, from: OrderedJSON.encode(awkward)) == awkward)
        #expect(try text(Window()).contains(#""bytes":"AQID""#))
    }

    @Test("dates can be written as ISO 8601 text with milliseconds, in UTC")
    func isoDates() throws {
        let date = Date(timeIntervalSince1970: 1_764_657_600.125)
        #expect(
            String(decoding: try OrderedJSON.encode([date], dates: .iso8601WithMilliseconds), as: UTF8.self)
                == #"["2025-12-02T06:40:00.125Z"]"#)
    }

    @Test("a number JSON cannot hold is refused, as JSONEncoder refuses it")
    func infinity() {
        #expect(throws: EncodingError.self) { try OrderedJSON.encode([Double.infinity]) }
    }
}
