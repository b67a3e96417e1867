import Curriculum
import Foundation
import TestSupport
import Testing

/// A pack whose first lesson has a binding, a reference in `solutions/`, and (per test) a suite or
/// commands with one class of mistake: the load names each with its file, line and nearest name.
@Suite("A lesson's suite and commands are checked against its binding and types when the pack loads")
struct PackContractTests {
    let folder = TemporaryFolder()

    init() {
        PackFixture.write(in: folder, lessons: 2)
        folder.write(
            "lessons/lesson-1/binding.swift",
            """
            import LearnerHost

            @main
            enum LessonBinding {
                static func main() {
                    Host.run(drivers: [
                        "decide": .decider { (command: AccountCommand, events: [AccountEvent]) in try decide(command, given: events) },
                        "balance": .fold(initial: { Balance.initial }, evolve: evolve),
                        "describe": .value { (kind: Kind) in kind.rawValue },
                    ])
                }
            }

            """)
        folder.write(
            "solutions/lesson-1/Sources/Game/Account.swift",
            """
            // A case in a comment is not a case: case closed(by: String)
            enum AccountEvent: Codable, Equatable {
                case opened(owner: String, limit: Int?)
                case deposited(amount: Int, note: String?)
                case closed
            }

            enum AccountCommand: Codable {
                case open(owner: String)
                case deposit(amount: Int)
            }

            enum Kind: String, Codable { case savings, current = "cheque" }

            enum AccountError: Error { case alreadyOpen, overdrawn }

            struct Balance: Codable { var amount: Int; static let initial = Balance(amount: 0) }

            func evolve(_ balance: Balance, _ event: AccountEvent) -> Balance { balance }

            """)
    }

    func suite(_ scenario: String) {
        folder.write("lessons/lesson-1/suite.yaml", "timeout: 2\nscenarios:\n" + scenario)
    }

    func commands(_ text: String) {
        folder.write("lessons/lesson-1/commands.yaml", text)
        if folder.read("lessons/lesson-1/suite.yaml") == nil {
            suite("  - name: opening\n    when: {decide: {open: {owner: ann}}}\n    then: {events: [{opened: {owner: ann}}]}\n")
        }
    }

    func problems(_ suites: CoursePackLoader.Suites = .withThePack) -> [String] {
        do {
            _ = try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"), suites: suites)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("a suite that matches the lesson's types loads: optional labels and the values of a case without any may be left out")
    func aGoodSuite() {
        suite(
            """
              - name: opening then depositing
                given:
                  - opened: {owner: ann}
                  - deposited: {amount: 5}
                  - closed: {}
                when: {decide: {deposit: {amount: 3}}}
                then: {events: [{deposited: {amount: 3, note: ""}}]}
              - name: kinds
                when: {describe: cheque}
                then: {value: cheque}
              - name: refused
                when: {decide: {open: {owner: ann}}}
                then: {error: alreadyOpen}

            """)
        #expect(problems() == [])
    }

    @Test("an event case the lesson's enum does not declare is named with its line and the nearest case")
    func unknownCase() {
        suite(
            "  - name: a deposit\n    given:\n      - deposted: {amount: 5}\n    when: {decide: {deposit: {amount: 3}}}\n    then: {events: []}\n"
        )
        #expect(
            problems() == [
                "lesson-1/suite.yaml:5: AccountEvent has no case 'deposted'; did you mean 'deposited'? (its cases: opened, deposited, closed)"
            ])
    }

    @Test("a misspelt label and a missing one are each named, in the expected events too")
    func labels() {
        suite(
            "  - name: a deposit\n    when: {decide: {deposit: {amount: 3}}}\n    then:\n      events:\n        - deposited: {amont: 3}\n")
        #expect(
            problems() == [
                "lesson-1/suite.yaml:7: AccountEvent.deposited has no 'amont'; did you mean 'amount'? (it has: amount, note)",
                "lesson-1/suite.yaml:7: AccountEvent.deposited is missing 'amount'",
            ])
    }

    @Test("a command is checked against the decider's command type, and its values against their types")
    func commandTypes() {
        suite("  - name: opening\n    when:\n      decide: {open: {owner: [ann]}}\n    then: {events: []}\n")
        #expect(problems() == ["lesson-1/suite.yaml:5: 'owner' of AccountCommand.open should be text (String)"])
    }

    @Test("a raw-valued enum takes its raw values; a case name in place of one is caught")
    func rawValues() {
        suite("  - name: kinds\n    when: {describe: curent}\n    then: {value: cheque}\n")
        #expect(problems() == ["lesson-1/suite.yaml:4: 'curent' is not a case of Kind (savings, cheque)"])
    }

    @Test("a driver the binding does not offer is named with what it offers")
    func unknownDriver() {
        suite("  - name: opening\n    when: {decid: {open: {owner: ann}}}\n    then: {events: []}\n")
        #expect(
            problems() == [
                "lesson-1/suite.yaml:4: 'decid' is not a driver of lesson-1/binding.swift; did you mean 'decide'? (it offers: decide, balance, describe)"
            ])
    }

    @Test("an expected error must be a case of the lesson's errors")
    func unknownError() {
        suite("  - name: refused\n    when: {decide: {open: {owner: ann}}}\n    then:\n      error: alreadyOpened\n")
        #expect(problems() == ["lesson-1/suite.yaml:6: 'alreadyOpened' is not a case of the lesson's errors; did you mean 'alreadyOpen'?"])
    }

    @Test("a fold's given events are checked against its evolve's event type")
    func foldEvents() {
        suite("  - name: balance\n    given: [{opend: {owner: ann}}]\n    when: {balance: {}}\n    then: {state: {amount: 0}}\n")
        #expect(problems().first?.hasPrefix("lesson-1/suite.yaml:4: AccountEvent has no case 'opend'; did you mean 'opened'?") == true)
    }

    @Test("a placeholder that names no argument, an unknown kind and an unused argument are each named with their line")
    func placeholders() {
        commands(
            """
            commands:
              - name: open
                arguments: [account, owner, limit]
                stream: "account-{acount}"
                command: {open: {owner: "{owner:text}"}}

            """)
        #expect(
            problems() == [
                "lesson-1/commands.yaml:4: the placeholder {acount} names 'acount', which is not one of the arguments; did you mean 'account'? (they are: account, owner, limit)",
                "lesson-1/commands.yaml:5: {owner:text} has an unknown kind 'text' (kinds: int, list, lower; leave it out for text)",
                "lesson-1/commands.yaml:3: argument 'account' is not used in 'stream' or 'command'; use it as {account} or remove it",
                "lesson-1/commands.yaml:3: argument 'limit' is not used in 'stream' or 'command'; use it as {limit} or remove it",
            ])
    }

    @Test("only a text kind (lower) may stand in a stream's name or inside text; a number or a list must be a whole value")
    func kindsInText() {
        commands(
            """
            commands:
              - name: open
                arguments: [account, owner, limit]
                stream: "account-{account:lower}-{limit:int}"
                command: {open: {owner: "{owner:lower} of {account}"}}

            """)
        #expect(
            problems() == [
                "lesson-1/commands.yaml:4: {limit:int} has a kind, but only a value that is one placeholder and nothing else can have one; write {limit} (or {limit:lower}) here"
            ])
    }

    @Test(
        "a command's driver, a state's driver and picture must be ones the binding and the tool offer; its template fits the command type")
    func driversAndPictures() {
        folder.write(
            "lessons/pictures.yaml",
            "pictures:\n  - name: connect-four\n    columns: [A, B]\n    rows: 2\n    cells: board\n    marks: [{field: one, symbol: X, color: red}]\n"
        )
        commands(
            """
            commands:
              - name: open
                arguments: [account, owner]
                stream: "account-{account}"
                command: {opn: {owner: "{owner}"}}
              - name: pay
                arguments: [account]
                stream: "account-{account}"
                driver: decidePayment
                command: {deposit: {amount: 1}}
            states:
              - category: account
                driver: balanse
                picture: connect-for

            """)
        #expect(
            problems() == [
                "lesson-1/commands.yaml:14: no picture 'connect-for'; did you mean 'connect-four'? (pictures.yaml declares: connect-four)",
                "lesson-1/commands.yaml:9: 'decidePayment' is not a driver of lesson-1/binding.swift (it offers: decide, balance, describe)",
                "lesson-1/commands.yaml:13: 'balanse' is not a driver of lesson-1/binding.swift; did you mean 'balance'? (it offers: decide, balance, describe)",
                "lesson-1/commands.yaml:5: AccountCommand has no case 'opn'; did you mean 'open'? (its cases: open, deposit)",
            ])
    }

    @Test("a pack's pictures.yaml is checked with the pack: each grid's fields, colours, symbols and history rules, with their lines")
    func pictures() {
        suite("  - name: opening\n    when: {decide: {open: {owner: ann}}}\n    then: {events: [{opened: {owner: ann}}]}\n")
        folder.write(
            "lessons/pictures.yaml",
            """
            pictures:
              - name: ledger
                columns: [A, A]
                rows: 0
                cells: lines
                marks:
                  - {field: owner, symbol: XY, color: purple}
                history:
                  opened: {set: {owner: owner}, drop: {column: c, mark: m}}
                  deposited: {drop: {column: c}}
              - name: ledger
                columns: [A]
                rows: 1
                cells: lines
                marks: []
                colour: red

            """)
        #expect(
            problems() == [
                "pictures.yaml:3: 'columns' should list each column's label once, left to right",
                "pictures.yaml:4: 'rows' should be a whole number of rows above 0, not '0'",
                "pictures.yaml:7: 'symbol' should be one character, as it fills one cell",
                "pictures.yaml:7: no colour 'purple' (colours: red, yellow, green, blue, magenta, cyan)",
                "pictures.yaml:9: the history of 'opened' should be one of 'set:' (fields of the state) or 'drop:' (a mark into a column)",
                "pictures.yaml:10: missing 'mark'; add a line 'mark: …'",
                "pictures.yaml:16: unknown field 'colour' (known: name, columns, rows, cells, marks, caption, history)",
            ])
    }

    @Test("a state view may name only a picture the pack declares, and says so when it declares none")
    func undeclaredPicture() {
        commands("states:\n  - category: account\n    driver: balance\n    picture: ledger\n")
        #expect(problems() == ["lesson-1/commands.yaml:4: no picture 'ledger': the pack declares none; declare it in pictures.yaml"])
    }

    @Test("a reaction's driver and its clock must be drivers the binding offers")
    func reactionClock() {
        commands(
            """
            reactions:
              - name: reminders
                category: account
                driver: describe
                clock: balanse

            """)
        #expect(
            problems() == [
                "lesson-1/commands.yaml:5: 'balanse' is not a driver of lesson-1/binding.swift; did you mean 'balance'? (it offers: decide, balance, describe)"
            ])
    }

    @Test("the drivers are checked on every load; the types only when the suites load with the pack")
    func onDemand() {
        commands(
            "commands:\n  - name: open\n    arguments: [owner]\n    stream: \"account-{owner}\"\n    driver: decidd\n    command: {opn: {owner: \"{owner}\"}}\n"
        )
        let found = problems(.onDemand)
        #expect(found.count == 1 && found[0].hasPrefix("lesson-1/commands.yaml:5: 'decidd' is not a driver"), "\(found)")
    }

    @Test("one load reports every problem of the pack: suite, commands and lesson text together")
    func everyProblemAtOnce() {
        suite(
            "  - name: a deposit\n    given:\n      - deposted: {amount: 5}\n    when: {decide: {deposit: {amount: 3}}}\n    then: {events: []}\n"
        )
        commands(
            "commands:\n  - name: open\n    arguments: [owner]\n    stream: \"account-{ownr}\"\n    command: {open: {owner: \"{owner}\"}}\n"
        )
        let text = folder.read("lessons/lesson-2/lesson.md") ?? ""
        folder.write("lessons/lesson-2/lesson.md", text.replacingOccurrences(of: "duration: 21", with: "duration: soon"))
        let found = problems()
        #expect(found.contains { $0.hasPrefix("lesson-1/suite.yaml:5:") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("lesson-1/commands.yaml:4:") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("lesson-2/lesson.md") }, "\(found)")
    }

    @Test("the course in this repository passes every one of these checks")
    func theCourse() throws {
        let lessons = WorkshopProcess.repositoryRoot.appendingPathComponent("lessons")
        do {
            _ = try CoursePackLoader.load(from: lessons, suites: .withThePack)
        } catch {
            Issue.record("\(error)")
        }
    }
}
