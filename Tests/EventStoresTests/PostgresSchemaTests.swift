import EventSourcing
import EventStores
import Foundation
import TestSupport
import Testing

@Suite("Which schema a PostgreSQL store works in")
struct PostgresSchemaTests {
    /// A room's store asks for `workshop_room`; a URL that names its own schema must win, or two
    /// rooms on one database would share their learners.
    @Test("a URL that chooses its schema keeps it over the schema the caller asks for")
    func urlChoosesSchema() throws {
        let chosen = try TestPostgres.freshSchema(named: "chosen")
        let other = "asked_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let first = try PostgresEventStore(url: chosen, schema: other)
        try first.append([EventData(type: "Joined", data: Data("{}".utf8))], to: StreamName("learner-pat"), expected: .noStream)
        // The same URL again: the event is there.
        #expect(try PostgresEventStore(url: chosen, schema: other).readIfPresent(StreamName("learner-pat")).count == 1)
        // The schema asked for, without the URL's choice, holds nothing: the event went to the URL's schema.
        let server = try #require(ProcessInfo.processInfo.environment["WORKSHOP_TEST_POSTGRES"])
        #expect(try PostgresEventStore(url: server, schema: other).readIfPresent(StreamName("learner-pat")).isEmpty)
    }

    @Test("a schema the URL chooses is made when the database does not have it yet, as the README tells two rooms to do")
    func urlSchemaMade() throws {
        let server = try #require(ProcessInfo.processInfo.environment["WORKSHOP_TEST_POSTGRES"], "make test starts PostgreSQL")
        let name = "room_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let url = server + "&options=-csearch_path%3D\(name)"
        let store = try PostgresEventStore(url: url, schema: "workshop_room")
        try store.append([EventData(type: "Joined", data: Data("{}".utf8))], to: StreamName("learner-bo"), expected: .noStream)
        #expect(try PostgresEventStore(url: url).readIfPresent(StreamName("learner-bo")).count == 1)
        #expect(try PostgresEventStore(url: server, schema: "workshop_room").readIfPresent(StreamName("learner-bo")).isEmpty)
    }
}
