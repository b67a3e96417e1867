// Barstucks · Event modeling (optional)
//
// A feature drawn as slices before any code: commands that record events, and views built
// from events. The information check traces every field to where it comes from.
import Foundation

/// An event on the model's timeline, with the fields it records.
struct ModelEvent: Codable, Equatable {
    var name: String
    var fields: [String]
}

/// A state-change slice: a command, the fields it carries, the fields its decision works out
/// itself (from the aggregate's state or the menu), and the events it records.
struct CommandSlice: Codable, Equatable {
    var command: String
    var fields: [String]
    var derived: [String] = []
    var records: [String]
}

extension CommandSlice {
    /// A slice written without `derived` derives nothing.
    init(from decoder: any Decoder) throws {
        let slice = try decoder.container(keyedBy: CodingKeys.self)
        command = try slice.decode(String.self, forKey: .command)
        fields = try slice.decode([String].self, forKey: .fields)
        derived = try slice.decodeIfPresent([String].self, forKey: .derived) ?? []
        records = try slice.decode([String].self, forKey: .records)
    }
}

/// A state-view slice: a view (a screen, a read model), its fields, and the events it is built from.
struct ViewSlice: Codable, Equatable {
    var view: String
    var fields: [String]
    var from: [String]
}

/// A feature's model: its events, its state-change slices and its state-view slices.
struct EventModel: Codable, Equatable {
    var events: [ModelEvent]
    var commands: [CommandSlice]
    var views: [ViewSlice]
}

/// A piece of information the model does not say where it comes from.
enum InformationGap: Codable, Equatable, Hashable {
    /// A view shows `field`, but none of the events it is built from records it.
    case viewFieldWithoutSource(view: String, field: String)
    /// An event records `field`, but `command`, which records the event, neither carries nor
    /// derives it.
    case eventFieldWithoutSource(event: String, field: String, command: String)
    /// An event on the timeline that no command records.
    case eventNeverRecorded(event: String)
    /// A slice names an event the model's timeline does not have.
    case unknownEvent(String)
}

/// Every gap in `model`, in any order, each once.
func informationGaps(in model: EventModel) -> [InformationGap] {
    // TODO: trace every view field to its events, and every event field to each command that
    // records the event.
    []
}

/// The barista's pickup screen: which orders are ready, for whom, and what to call out.
/// `check` asks `informationGaps` about it: make it complete.
let pickupModel = EventModel(
    events: [
        ModelEvent(name: "OrderPlaced", fields: ["orderId", "customerId", "items", "total"]),
        ModelEvent(name: "OrderPrepared", fields: ["orderId", "barista"]),
    ],
    commands: [
        CommandSlice(command: "PlaceOrder", fields: ["orderId", "customerId", "items"], records: ["OrderPlaced"]),
        CommandSlice(command: "PrepareOrder", fields: ["orderId"], records: ["OrderPrepared"]),
    ],
    views: [
        ViewSlice(view: "pickup screen", fields: ["orderId", "name", "items"], from: ["OrderPlaced", "OrderPrepared"])
    ])
