import EventSourcing
import Testing

/// A counter that counts to three: the smallest aggregate with a rule.
private enum Count: Equatable { case increment }
private enum Counted: Equatable { case incremented }
private enum Refused: Error { case full }

private let counter = Decider<Count, Counted, Int>(
    initialState: 0,
    decide: { _, count in
        guard count < 3 else { throw Refused.full }
        return [.incremented]
    },
    evolve: { count, _ in count + 1 })

@Suite("The decider shape")
struct DeciderTests {
    @Test("the state is the initial state evolved by every event, in order, or from a snapshot's state")
    func folds() {
        #expect(counter.fold([]) == 0)
        #expect(counter.fold([.incremented, .incremented]) == 2)
        #expect(counter.fold([.incremented], from: 2) == 3)
    }

    @Test("decide answers on the folded state, and refuses with the domain's error")
    func decides() throws {
        #expect(try counter.decide(.increment, counter.fold([.incremented])) == [.incremented])
        #expect(throws: Refused.full) { try counter.decide(.increment, counter.fold(Array(repeating: .incremented, count: 3))) }
    }
}
