import Foundation
import Synchronization

/// Starting a server (the window's, the room's) from a synchronous command: the commands run on
/// ArgumentParser's synchronous `run` and the shell's loop, the servers are async, and the command
/// needs the bound address (or why the port could not be had) before it goes on.
public enum BlockingStart {
    /// Runs `start` in a task and waits for it: the server, or why it did not start.
    public static func wait<Server: Sendable>(
        for start: @escaping @Sendable () async throws(WindowServerError) -> Server
    ) -> Result<Server, WindowServerError> {
        let outcome = Outcome<Server>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<Server, WindowServerError>
            do throws(WindowServerError) {
                result = .success(try await start())
            } catch {
                result = .failure(error)
            }
            outcome.result.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        // The task set it before signalling.
        return outcome.result.withLock { $0 } ?? .failure(.failed("its start ended without an answer"))
    }

    /// The result, handed from the task to the waiting command.
    private final class Outcome<Server: Sendable>: Sendable {
        let result = Mutex<Result<Server, WindowServerError>?>(nil)
    }
}
