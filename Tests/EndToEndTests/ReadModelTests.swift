import Foundation
import TestSupport
import Testing

/// The learner's read models are seen in the shell: their projections run over the all-stream.
@Suite("Read models in the shell", .serialized)
struct ReadModelTests {
    let learner = LearnerWorkspace()

    /// The answer printed after `workshop> COMMAND`, up to the next prompt.
    func answer(to command: String, in output: String) -> String {
        guard let prompt = output.range(of: "workshop> \(command)\n", options: .backwards) else { return "" }
        let rest = output[prompt.upperBound...]
        return String(rest[..<(rest.range(of: "workshop> ")?.lowerBound ?? rest.endIndex)])
    }

    @Test("queue and loyalty CUSTOMER run the learner's projections over the all-stream and say how far they got")
    func queueAndLoyalty() throws {
        #expect(try learner.run(["catch-up", "10"]).status == 0, "lesson 9's reference is the learner's projection now")
        let orders = [
            "register-customer helen Helen h@example.com", "place-order 7 helen latte", "pay-order 7 450",
            "place-order 8 omar tea", "pay-order 8 300",
        ]
        let result = try learner.run(
            [],
            input: (orders + ["queue", "prepare-order 7 sam", "serve-order 7", "queue", "loyalty helen", "loyalty"]).joined(separator: "\n")
                + "\n")
        let output = result.output
        let first = answer(to: "queue", in: String(output[..<(output.range(of: "workshop> prepare-order")?.lowerBound ?? output.endIndex)]))
        #expect(first.contains("read model queue · your code over the all-stream · 5 events delivered"), "\(output)")
        #expect(first.contains("\"7\", \"8\"") || first.contains("7, 8"), "both paid orders wait, in the order of payment: \(first)")
        #expect(first.contains(/checkpoint: position \d+, the last event delivered · caught up/), "\(first)")
        #expect(first.contains("built from the first event (nothing saved yet): 5 events applied"), "\(first)")
        let later = answer(to: "queue", in: output)
        #expect(later.contains("7 events delivered"))
        // A catch-up subscription: only what came after the saved checkpoint is delivered.
        #expect(later.contains(/caught up from its saved checkpoint \(position \d+\): 2 new events applied/), "\(later)")
        #expect(!later.contains("\"7\"") && (later.contains("\"8\"") || later.contains("8")), "order 7 was prepared: \(later)")
        let points = answer(to: "loyalty helen", in: output)
        #expect(points.contains("read model loyalty helen"))
        #expect(points.components(separatedBy: "\n").dropFirst().first == "1", "one served order, one point: \(points)")
        #expect(answer(to: "loyalty", in: output).contains("error: usage: loyalty CUSTOMER"))
        #expect(!output.contains("unknown command"))
        // A new shell goes on from the checkpoint saved with the model; changed code rebuilds it.
        let restarted = try learner.run([], input: "place-order 9 helen tea\npay-order 9 300\nqueue\n")
        let resumed = answer(to: "queue", in: restarted.output)
        #expect(resumed.contains(/caught up from its saved checkpoint \(position \d+\): 2 new events applied/), "\(resumed)")
        #expect(resumed.contains("\"8\", \"9\"") || resumed.contains("8, 9"), "\(resumed)")
        let projections = learner.folder.url.appendingPathComponent("ws/Sources/Barstucks/Projections.swift")
        learner.write("Sources/Barstucks/Projections.swift", try String(contentsOf: projections, encoding: .utf8) + "\n// edited\n")
        let edited = try learner.run(["queue"])
        #expect(
            edited.output.contains("built from the first event (your projection's code changed since it was saved): 9 events applied"),
            "\(edited.output)")
    }

    @Test("a projection that keeps no checkpoint is told so; one that does not compile says so")
    func withoutCheckpoint() throws {
        #expect(try learner.run(["catch-up", "10"]).status == 0)
        try learner.solve("projections", wrong: "queue-without-checkpoint", module: "Barstucks", files: ["Projections.swift"])
        let result = try learner.run([], input: "place-order 1 helen latte\npay-order 1 450\nqueue\n")
        #expect(
            answer(to: "queue", in: result.output).contains("checkpoint: none · your projection did not record how far it got"),
            "\(result.output)")
        learner.write("Sources/Barstucks/Projections.swift", "struct Delivered {}\n")
        let broken = try learner.run(["queue"])
        #expect(broken.status == 1)
        #expect((broken.output + broken.errors).contains("queue runs your code, but"))
    }
}
