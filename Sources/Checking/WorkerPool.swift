import Foundation
import Synchronization

/// Runs `count` pieces of blocking work on at most `workers` threads, each taking the next index
/// until none is left, and gives the results in index order, whatever order they finish in.
///
/// Grading submissions and trying mutants both come here: one pool, not one per caller.
// Threads, not Swift concurrency's tasks: each piece waits seconds on child processes (a compiler,
// a learner's host), and the cooperative pool has one thread per core, so those waits would stall
// every other task. A worker thread also outlives each child it spawns, as the parent-death
// signal (`setpriv --pdeathsig`) needs: the kernel sends it when the spawning thread exits.
public enum WorkerPool {
    public static func map<Result: Sendable>(
        count: Int, workers: Int, stackSize: Int = 8 << 20, _ work: @escaping @Sendable (_ index: Int, _ worker: Int) -> Result
    ) -> [Result] {
        let shared = Shared<Result>(count: count)
        let group = DispatchGroup()
        for worker in 0..<max(1, min(workers, count)) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let index = shared.take() {
                    let result = work(index, worker)
                    shared.results.withLock { $0[index] = result }
                }
            }
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
        // Every slot is filled once the workers are done; a result may itself be optional.
        return shared.results.withLock { $0.map { $0! } }
    }

    /// The next index to hand out and the results so far, each behind its own lock.
    private final class Shared<Result: Sendable>: Sendable {
        let count: Int
        let next = Mutex(0)
        let results: Mutex<[Result?]>

        init(count: Int) {
            self.count = count
            results = Mutex(Array(repeating: nil, count: count))
        }

        func take() -> Int? {
            next.withLock { next in
                guard next < count else { return nil }
                next += 1
                return next - 1
            }
        }
    }
}
