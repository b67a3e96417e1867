// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import EventSourcing
import Foundation
import LearnerHost

/// A table for the checks, kept in memory, which keeps versions as a real one does (a new row is
/// version 1). When told, another writer saves `racing` just before the learner's first save:
/// the manager who loaded first and saved second.
final class HoursTable: StateStore, @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [String: (json: Data, version: Int)] = [:]
    private(set) var saves = 0
    var racing: (id: String, state: ShopHours)?

    func load<State: Decodable>(_ id: String, as type: State.Type) throws -> (state: State, version: Int)? {
        lock.lock()
        defer { lock.unlock() }
        guard let row = rows[id] else { return nil }
        return (try JSONDecoder().decode(State.self, from: row.json), row.version)
    }

    func save<State: Encodable>(_ state: State, id: String, expected: Int?) throws {
        let json = try JSONEncoder().encode(state)
        lock.lock()
        defer { lock.unlock() }
        if let (other, hours) = racing {
            racing = nil
            rows[other] = (try JSONEncoder().encode(hours), (rows[other]?.version ?? 0) + 1)
        }
        let actual = rows[id]?.version
        guard actual == expected else {
            throw StateStoreError.versionMismatch(id: id, expected: expected, actual: actual)
        }
        rows[id] = (json, (actual ?? 0) + 1)
        saves += 1
    }

    /// Each row as `id v<version>: opens–closes[, closed: reason]`, in id order.
    func listing() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return rows.keys.sorted().map { id in
            let row = rows[id]!
            guard let hours = try? JSONDecoder().decode(ShopHours.self, from: row.json) else {
                return "\(id) v\(row.version): not a ShopHours"
            }
            return "\(id) v\(row.version): " + describe(hours)
        }
    }
}

func describe(_ hours: ShopHours) -> String {
    "\(hours.opens)–\(hours.closes)" + (hours.closedToday.map { ", closed: \($0)" } ?? "")
}

/// The shop's row before (none when absent), what another writer saves just before the learner's
/// first save, and the manager's commands in turn. Reports each outcome, then every row.
struct HoursStory: Decodable {
    var row: ShopHours?
    var racing: ShopHours?
    var commands: [HoursCommand]
}

func outcome(of command: HoursCommand, in table: HoursTable) -> String {
    do {
        let events = try handleStateStored(command, id: "hours-main-street", with: hoursDecider, in: table)
        return events.isEmpty ? "nothing to change" : events.map(\.eventType).joined(separator: ", ")
    } catch let error as HoursError {
        return "refused: \(error)"
    } catch {
        return "failed: \(error)"
    }
}

/// The same commands run both ways: state-stored through the learner's handler, and
/// event-sourced (every decided event kept and folded). The decider should not tell them apart.
struct BothWays: Encodable {
    var commands: Int
    var sameEvents: Bool
    var sameState: Bool
}

/// How many of `rounds` races between two managers, one changing the hours and one closing
/// for the day, on two threads at once, kept both changes.
struct RaceOutcome: Encodable {
    var rounds: Int
    var bothKept: Int
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "decideHours": .decider(hoursDecider),
            "hours": .fold(hoursDecider),
            "stateStored": .value { (story: HoursStory) -> [String] in
                let table = HoursTable()
                if let row = story.row { try table.save(row, id: "hours-main-street", expected: nil) }
                table.racing = story.racing.map { ("hours-main-street", $0) }
                return story.commands.map { outcome(of: $0, in: table) } + table.listing()
            },
            "bothWays": .check { (commands: [HoursCommand]) -> BothWays in
                let table = HoursTable()
                var stateStoredEvents: [HoursEvent] = []
                var history: [HoursEvent] = []
                for command in commands {
                    stateStoredEvents += (try? handleStateStored(command, id: "hours", with: hoursDecider, in: table)) ?? []
                    history += (try? hoursDecider.decide(command, hoursDecider.fold(history))) ?? []
                }
                let row = try? table.load("hours", as: ShopHours.self)
                return BothWays(
                    commands: commands.count, sameEvents: stateStoredEvents == history,
                    sameState: (row?.state ?? hoursDecider.initialState) == hoursDecider.fold(history))
            },
            "race": .check { (rounds: Int) -> RaceOutcome in
                var bothKept = 0
                for _ in 0..<rounds {
                    let table = HoursTable()
                    let commands: [HoursCommand] = [.changeHours(opens: 8, closes: 20), .closeForTheDay(reason: "burst pipe")]
                    let group = DispatchGroup()
                    for command in commands {
                        group.enter()
                        Thread {
                            _ = outcome(of: command, in: table)
                            group.leave()
                        }.start()
                    }
                    group.wait()
                    if table.listing() == ["hours-main-street v2: 8–20, closed: burst pipe"] { bothKept += 1 }
                }
                return RaceOutcome(rounds: rounds, bothKept: bothKept)
            },
        ])
    }
}
