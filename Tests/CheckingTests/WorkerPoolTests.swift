import Checking
import Foundation
import Synchronization
import Testing

@Suite("The worker pool that grading and lint share")
struct WorkerPoolTests {
    @Test("results come back in index order, whatever order the work finishes in")
    func order() {
        // The first pieces take longest, so they finish last.
        let results = WorkerPool.map(count: 6, workers: 3) { index, _ in
            Thread.sleep(forTimeInterval: Double(6 - index) * 0.01)
            return index * 10
        }
        #expect(results == [0, 10, 20, 30, 40, 50])
    }

    @Test("every piece runs once, on no more workers than asked, and on no more than there are pieces")
    func workers() {
        let seen = Mutex<[Int: Set<Int>]>([:])
        let results = WorkerPool.map(count: 20, workers: 3) { index, worker in
            seen.withLock { $0[worker, default: []].insert(index) }
            Thread.sleep(forTimeInterval: 0.005)
            return index
        }
        let byWorker = seen.withLock { $0 }
        #expect(results == Array(0..<20))
        #expect(Set(byWorker.keys).isSubset(of: [0, 1, 2]))
        #expect(byWorker.values.map(\.count).reduce(0, +) == 20, "no piece ran twice")
        let few = WorkerPool.map(count: 2, workers: 8) { _, worker in worker }
        #expect(Set(few).isSubset(of: [0, 1]))
        #expect(WorkerPool.map(count: 0, workers: 4) { index, _ in index }.isEmpty)
        // A result that is itself optional keeps its place: lint's "did not compile" is nil.
        let optional: [[String]?] = WorkerPool.map(count: 3, workers: 2) { index, _ in index == 1 ? nil : ["\(index)"] }
        #expect(optional == [["0"], nil, ["2"]])
    }
}
