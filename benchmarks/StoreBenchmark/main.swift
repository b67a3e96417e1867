// Store throughput: events appended durably in batches of 10, and one 100,000-event stream read
// back, on the tool's SQLite store. Prints JSON. The bare sqlite3 floor is measured by store.sh.
import EventSourcing
import EventStores
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]) else {
    print("usage: store-benchmark FILE EVENTS")
    exit(2)
}
let store = try SQLiteEventStore(path: arguments[1])
let body = Data(#"{"moveMade":{"column":"D","player":"alice","row":1}}"#.utf8)
var started = Date()
for batch in 0..<(count / 10) {
    let events = (0..<10).map { _ in EventData(type: "MoveMade", data: body) }
    try store.append(events, to: "game-1", expected: batch == 0 ? .noStream : .exact(UInt64(batch * 10 - 1)))
}
let appendSeconds = Date().timeIntervalSince(started)
started = Date()
let read = try store.read("game-1")
let readSeconds = Date().timeIntervalSince(started)
precondition(read.count == count)
print(
    #"{"events": \#(count), "append_s": \#(appendSeconds), "append_per_s": \#(Int(Double(count) / appendSeconds)), "read_s": \#(readSeconds)}"#
)
