import Foundation

/// The throwaway PostgreSQL server `make test` starts (scripts/test-postgres.sh), for the tests
/// that need one; without it they fail loudly, never skip.
public enum TestPostgres {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// A store URL on the test server inside a fresh schema of its own, so tests that share the
    /// server never see each other's streams.
    public static func freshSchema(named prefix: String) throws -> String {
        guard let server = ProcessInfo.processInfo.environment["WORKSHOP_TEST_POSTGRES"] else {
            throw Unavailable(description: "make test starts a throwaway PostgreSQL and sets WORKSHOP_TEST_POSTGRES")
        }
        let schema = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let create = Process()
        create.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        create.arguments = ["psql", server, "-qc", "CREATE SCHEMA \(schema)"]
        try create.run()
        create.waitUntilExit()
        guard create.terminationStatus == 0 else {
            throw Unavailable(description: "psql could not create schema \(schema) on \(server) (status \(create.terminationStatus))")
        }
        return server + "&options=-csearch_path%3D\(schema)"
    }
}
