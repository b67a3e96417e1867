import Foundation
import Testing

@testable import Checking

/// One owner decides how learner code runs for each caller: limits and sandbox per profile.
@Suite("The learner runtime's profiles")
struct LearnerRuntimeTests {
    @Test("grading is bounded tighter than a check, and the playground answers within seconds")
    func limits() {
        let interactive = LearnerRuntime.limits(.interactive), grading = LearnerRuntime.limits(.grading)
        let playground = LearnerRuntime.limits(.playground)
        #expect(grading.cpuSeconds < interactive.cpuSeconds || grading.memoryMegabytes < interactive.memoryMegabytes)
        #expect(grading.outputCap <= interactive.outputCap)
        #expect(playground.requestTimeout == 5)
        #expect(interactive.requestTimeout != 5, "a check takes the suite's timeout, not the playground's")
    }

    @Test("only grading compiles in the sandbox, and only where bubblewrap is installed")
    func sandbox() throws {
        let runtime = try LearnerRuntime.find()
        #expect(runtime.builder(for: .interactive).sandbox == nil)
        #expect(runtime.builder(for: .playground).builder.compileSandbox == nil)
        let grading = runtime.builder(for: .grading)
        let bubblewrap = FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap")
        #expect((grading.sandbox != nil) == bubblewrap, "make test installs bubblewrap")
        #expect((grading.builder.compileSandbox != nil) == bubblewrap)
    }
}
