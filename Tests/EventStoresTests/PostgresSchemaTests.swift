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
}
