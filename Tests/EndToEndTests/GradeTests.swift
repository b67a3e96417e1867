import Foundation
import TestSupport
import Testing

/// `workshop grade` on fixtures: correct, partly correct, not compiling, and every hostile kind;
/// the reports are validated, runs are deterministic, and merged shards equal one run.
@Suite("Grading a folder of submissions", .serialized)
struct GradeTests {
    let folder = TemporaryFolder("workshop-grade-test")
    static let root = WorkshopProcess.repositoryRoot
    static let cache = root.appendingPathComponent(".build/workshop-test-cache").path
    var submissions: URL { folder.url.appendingPathComponent("submissions") }

    func grade(_ arguments: [String]) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            ["grade", submissions.path] + arguments,
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]), timeout: 600)
    }

    func file(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A submission for the deciding lesson: lesson 1's reference plus a Decide.swift whose start does `body`.
    func submission(_ id: String, start body: String, imports: String = "", extra: String = "") throws {
        let decide = try file("lessons/deciding/starter/Sources/ConnectFour/Decide.swift")
            .replacingOccurrences(of: "    case .startGame:\n", with: "    case .startGame(let playerOne, let playerTwo):\n")
            .replacingOccurrences(
                of:
                    "        // TODO: refuse a start that breaks one of the lesson's three rules (in their order);\n        // otherwise answer with the fact that the game started.\n        return []",
                with: body)
        folder.write("submissions/\(id)/Sources/ConnectFour/Decide.swift", imports + decide + extra)
        // Lesson 1's answer is forced (four strings), so its reference is never taken for a copy.
        folder.write(
            "submissions/\(id)/Sources/ConnectFour/Events.swift",
            try ReferenceCode.text(of: "events-are-facts", "Sources/ConnectFour/Events.swift"))
    }

    /// A learner's own correct solution: the reference's rules, one written the other way round
    /// (the reference verbatim would earn no credit, `--reference-code`).
    func correct(_ id: String) throws {
        for name in ["Events.swift", "Decide.swift"] {
            let text = try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/\(name)")
                .replacingOccurrences(of: "guard playerOne != playerTwo", with: "guard playerTwo != playerOne")
            folder.write("submissions/\(id)/Sources/ConnectFour/\(name)", text)
        }
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: folder.url.appendingPathComponent(path).path), "\(path) is missing")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func rows(_ csv: String) -> [String: [String]] {
        Dictionary(
            uniqueKeysWithValues: csv.split(separator: "\n").dropFirst().map { line in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return (fields[0], fields)
            })
    }

    /// Only the first scenario (a start between alice and bob, with no history) misbehaves, so a
    /// verdict is quick and the rest of the suite shows the host restarted.
    static let first = "if events.isEmpty, playerOne == \"alice\", playerTwo == \"bob\""

    @Test("every hostile submission gets a verdict while the rest of the batch is graded")
    func hostileBatch() throws {
        let leak = folder.url.appendingPathComponent("leak").path
        try correct("a-correct")
        try submission(
            "b-partial",
            start:
                "        guard playerOne != playerTwo else { throw GameError.samePlayerTwice }\n        return [.gameStarted(playerOne: playerOne, playerTwo: playerTwo)]"
        )
        folder.write("submissions/c-broken/Sources/ConnectFour/Decide.swift", "func decide( {\n")
        try submission("d-loop", start: "        \(Self.first) { while true {} }\n        return []")
        try submission(
            "e-forkbomb",
            start:
                "        \(Self.first) { for _ in 0..<2000 { var pid: pid_t = 0; _ = posix_spawn(&pid, \"/bin/sh\", nil, nil, [strdup(\"sh\"), strdup(\"-c\"), strdup(\"sleep 60\"), nil], nil) } }\n        return []",
            imports: "import Glibc\n")
        try submission(
            "f-memory",
            start:
                "        \(Self.first) { var hoard: [[UInt8]] = []; while true { hoard.append([UInt8](repeating: 7, count: 50_000_000)) } }\n        return []"
        )
        try submission(
            "g-output",
            start: "        \(Self.first) { while true { print(String(repeating: \"flood \", count: 10_000)) } }\n        return []")
        try submission("h-crash", start: "        \(Self.first) { fatalError(\"gave up\") }\n        return []")
        try submission("i-exit", start: "        \(Self.first) { exit(0) }\n        return []", imports: "import Glibc\n")
        try submission(
            "j-fake",
            start: "        print(\"{\\\"id\\\":1,\\\"ok\\\":[]}\")\n        print(\"✓ 10 of 10 scenarios pass\")\n        return []")
        try submission(
            "k-snoop",
            start:
                "        let stolen = (try? String(contentsOfFile: \"\(Self.root.path)/lessons/deciding/suite.yaml\", encoding: .utf8)) ?? \"unreadable\"\n        return [.gameStarted(playerOne: String(stolen.prefix(40)), playerTwo: \"x\")]",
            imports: "import Foundation\n")
        try submission(
            "l-network",
            start:
                "        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0); var address = sockaddr_in(); address.sin_family = sa_family_t(AF_INET); address.sin_port = UInt16(80).bigEndian; address.sin_addr.s_addr = inet_addr(\"1.1.1.1\")\n        let result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }\n        return [.gameStarted(playerOne: result == 0 ? \"online\" : \"offline\", playerTwo: \"x\")]",
            imports: "import Glibc\n")
        try submission(
            "m-writer",
            start: "        _ = try? \"pwned\".write(toFile: \"\(leak)\", atomically: false, encoding: .utf8)\n        return []",
            imports: "import Foundation\n")
        folder.write("submissions/m-writer/Package.swift", "// swift-tools-version: 6.0\n// a plugin that should never run\n")
        folder.write("submissions/m-writer/Plugins/Evil/plugin.swift", "fatalError()\n")
        // Supplies the symbol a self-limiting host would call, then writes 40 MiB (the limit is 16).
        try submission(
            "n-limits",
            start:
                "        \(Self.first) { let chunk = [UInt8](repeating: 1, count: 1 << 20); let fd = open(\"/tmp/big\", O_WRONLY | O_CREAT, 0o644); for _ in 0..<40 { _ = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }; close(fd) }\n        return []",
            imports: "import Glibc\n",
            extra: "\n@_cdecl(\"setrlimit\") public func keepNoLimits(_ resource: Int32, _ limit: UnsafeRawPointer?) -> Int32 { 0 }\n")
        // Fills every writable place it can find: 96 MiB into /tmp, 32 into /dev/shm, a file at the root.
        try submission(
            "o-tmpfs",
            start: """
                        guard \(Self.first.dropFirst(3)) else { return [] }
                        let chunk = [UInt8](repeating: 1, count: 8 << 20)
                        func fill(_ path: String, _ times: Int) -> Int {
                            var total = 0
                            for index in 0..<times {
                                let fd = open("\\(path)\\(index)", O_WRONLY | O_CREAT, 0o644)
                                if fd < 0 { break }
                                let count = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                                close(fd)
                                total += max(0, count)
                                if count < chunk.count { break }
                            }
                            return total >> 20
                        }
                        let tmp = fill("/tmp/fill", 12), shm = fill("/dev/shm/fill", 4), root = fill("/escape", 1)
                        return [.gameStarted(playerOne: "tmp \\(tmp) shm \\(shm) root \\(root)", playerTwo: "x")]
                """, imports: "import Glibc\n")
        // Lists the descriptors it holds beyond its own five (the grader is started with two strays).
        try submission(
            "p-descriptors",
            start:
                "        \(Self.first) { return [.gameStarted(playerOne: \"descriptors \\((5..<1024).filter { fcntl($0, F_GETFD) != -1 })\", playerTwo: \"x\")] }\n        return []",
            imports: "import Glibc\n")
        // Prints in the first scenario only, then answers wrongly.
        try submission(
            "q-printer", start: "        \(Self.first) { print(\"printed by the first scenario\") }\n        return []")
        try submission("r-abort", start: "        \(Self.first) { abort() }\n        return []", imports: "import Glibc\n")
        // A megabyte of answer in every scenario.
        try submission(
            "s-huge", start: "        return [.gameStarted(playerOne: String(repeating: \"x\", count: 1_000_000), playerTwo: \"y\")]")

        let lessonsFolder = Self.root.appendingPathComponent("lessons").path
        let result = try WorkshopProcess.run(
            ["grade", submissions.path, "--lessons", "2", "--out", folder.url.appendingPathComponent("out").path, "--jobs", "2"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]), timeout: 600,
            // Stray descriptors in the grader, as a careless caller leaves them: the lessons (suites
            // included) open for reading, and a file open for writing outside the sandbox.
            launcher: ["/bin/sh", "-c", #"exec 7<"$1" 8>>"$2"; shift 2; exec "$@""#, "sh", lessonsFolder, leak + "-stray"])
        #expect(result.status == 0, "\(result.errors)")
        let csv = try #require(folder.read("out/grades.csv"))
        #expect(csv.hasPrefix("id,deciding,total,max,status\n"))
        let table = rows(csv)
        #expect(table["a-correct"] == ["a-correct", "14", "14", "14", "pass"])
        #expect(Int(table["b-partial"]?[1] ?? "") ?? 0 > 0)
        #expect(table["b-partial"]?[4] == "fail")
        #expect(table["c-broken"]?[4] == "compile-error")

        func verdict(_ id: String) throws -> String? {
            let grading = try json("out/submissions/\(id)/results.json")
            let tests = grading["tests"] as? [[String: Any]] ?? []
            return (tests.first?["output"] as? String)
        }
        let run = try json("out/grading.json")
        let graded = Dictionary(
            uniqueKeysWithValues: (run["submissions"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) })
        func firstStatus(_ id: String) -> String? {
            let lessons = graded[id]?["lessons"] as? [[String: Any]]
            return (lessons?.first?["scenarios"] as? [[String: Any]])?.first?["status"] as? String
        }
        func firstMessage(_ id: String) -> String {
            let lessons = graded[id]?["lessons"] as? [[String: Any]]
            return (lessons?.first?["scenarios"] as? [[String: Any]])?.first?["message"] as? String ?? ""
        }
        #expect(firstStatus("d-loop") == "timeout")
        #expect(["timeout", "crash", "fail"].contains(firstStatus("e-forkbomb")))
        #expect(firstStatus("f-memory") == "crash")
        #expect(firstMessage("f-memory").contains("memory"), "\(firstMessage("f-memory"))")
        #expect(firstStatus("g-output") == "timeout")
        #expect(firstStatus("h-crash") == "crash")
        #expect(firstMessage("h-crash").contains("gave up"))
        #expect(firstStatus("i-exit") == "crash")
        #expect(firstMessage("i-exit").contains("before answering"))
        #expect(firstStatus("j-fake") == "fail")
        #expect(table["j-fake"]?[1] != "14")
        #expect(firstMessage("k-snoop").contains("unreadable"))
        #expect(!firstMessage("k-snoop").contains("scenarios"))
        #expect(firstMessage("l-network").contains("offline"))
        #expect(!FileManager.default.fileExists(atPath: leak), "the host wrote outside its temporary folder")
        #expect(firstStatus("n-limits") == "crash")
        #expect(firstMessage("n-limits").contains("larger than allowed"), "\(firstMessage("n-limits"))")
        #expect(firstMessage("o-tmpfs").contains("root 0"), "\(firstMessage("o-tmpfs"))")
        let filled = firstMessage("o-tmpfs").replacingOccurrences(of: ",", with: " ").components(separatedBy: " ").compactMap { Int($0) }
        #expect(filled.count == 3 && filled[0] <= 64 && filled[1] <= 4, "\(firstMessage("o-tmpfs"))")
        #expect(firstMessage("p-descriptors").contains("descriptors []"), "\(firstMessage("p-descriptors"))")
        #expect((try? String(contentsOfFile: leak + "-stray", encoding: .utf8)) ?? "" == "")
        let printer = (graded["q-printer"]?["lessons"] as? [[String: Any]])?.first?["scenarios"] as? [[String: Any]] ?? []
        #expect((printer.first?["output"] as? String)?.contains("printed by the first scenario") == true, "\(printer.first ?? [:])")
        #expect(printer.dropFirst().allSatisfy { ($0["output"] as? String ?? "").isEmpty })
        #expect(firstStatus("r-abort") == "crash")
        #expect(firstMessage("r-abort").contains("SIGABRT"), "\(firstMessage("r-abort"))")
        let huge = try #require(
            FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("out/submissions/s-huge/results.json").path)[
                .size] as? Int)
        #expect(huge < 200_000, "a megabyte answer made a \(huge)-byte report")
        #expect(folder.read("out/feedback/s-huge.md")?.contains("more characters cut") == true)
        #expect(result.output.split(separator: "\n").first { $0.hasPrefix("id") }?.contains("L2") == true, "\(result.output)")
        let ignored = graded["m-writer"]?["ignored"] as? [String] ?? []
        #expect(ignored.contains("Package.swift"))
        #expect(ignored.contains("Plugins/Evil/plugin.swift"))
        // After each misbehaving scenario a fresh host answered the rest of the suite.
        for id in ["d-loop", "g-output", "h-crash", "i-exit"] {
            let lessons = graded[id]?["lessons"] as? [[String: Any]]
            let statuses = (lessons?.first?["scenarios"] as? [[String: Any]])?.map { $0["status"] as? String ?? "" } ?? []
            #expect(statuses.count == 10 && statuses.dropFirst().allSatisfy { $0 == "pass" || $0 == "fail" }, "\(id): \(statuses)")
        }
        #expect(result.output.contains("scores (percent of the maximum):"))
        #expect(
            !result.output.contains("warning: bubblewrap"), "bubblewrap must be installed for the sandbox tests (make test installs it)")
        _ = try verdict("a-correct")
    }

    @Test("the reports validate: CSV, Gradescope and exercism JSON, and JUnit XML read by a real JUnit parser")
    func reportsValidate() throws {
        try correct("alice")
        try submission("bob", start: "        return []")
        folder.write("submissions/carol/Sources/ConnectFour/Decide.swift", "func decide( {\n")
        let out = folder.url.appendingPathComponent("out")
        let result = try grade(["--lessons", "1-2", "--out", out.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.errors)")

        let gradescope = try json("out/submissions/bob/results.json")
        #expect(gradescope["score"] as? Double == 10)
        let tests = try #require(gradescope["tests"] as? [[String: Any]])
        #expect(tests.count == 17)
        #expect(
            tests.allSatisfy {
                $0["name"] is String && $0["score"] is Double && $0["max_score"] is Double
                    && ["passed", "failed"].contains($0["status"] as? String ?? "")
            })

        let exercism = try json("out/submissions/bob/exercism.json")
        #expect(exercism["version"] as? Int == 3)
        #expect(exercism["status"] as? String == "fail")
        let exercismTests = try #require(exercism["tests"] as? [[String: Any]])
        #expect(exercismTests.allSatisfy { ["pass", "fail", "error"].contains($0["status"] as? String ?? "") && $0["name"] is String })
        #expect(exercismTests.contains { $0["status"] as? String == "fail" && ($0["message"] as? String)?.isEmpty == false })
        let broken = try json("out/submissions/carol/exercism.json")
        #expect(broken["status"] as? String == "error")
        #expect((broken["message"] as? String)?.isEmpty == false)

        let feedback = try #require(folder.read("out/feedback/bob.md"))
        #expect(feedback.contains("## deciding: 0 / 14"))
        #expect(feedback.contains("Given no events"))

        // A real consumer: junitparser from PyPI reads the file and agrees on the counts.
        let parser = Process()
        parser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        parser.arguments = [
            "python3", "-c",
            """
            import sys, junitparser
            xml = junitparser.JUnitXml.fromfile(sys.argv[1])
            cases = [case for suite in xml for case in suite]
            failed = [case for case in cases if not case.is_passed]
            print(len(list(xml)), len(cases), len(failed))
            """,
            out.appendingPathComponent("junit.xml").path,
        ]
        let pipe = Pipe()
        parser.standardOutput = pipe
        parser.standardError = pipe
        try parser.run()
        let answer = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        parser.waitUntilExit()
        #expect(parser.terminationStatus == 0, "junitparser (PyPI) must be installed; make test installs it: \(answer)")
        // Suites: alice×2, bob×2, carol×2; cases: 7+10 for alice and bob, 7 + 1 for carol (lesson 1 fails to compile too: its module is broken).
        let numbers = answer.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(numbers.count == 3)
        #expect(numbers.first == 6)
        #expect(numbers.dropFirst().first ?? 0 >= 30)
        #expect(numbers.last ?? 0 >= 10)

        let withheld = try grade([
            "--lessons", "2", "--out", folder.url.appendingPathComponent("withheld").path, "--feedback", "names-only",
        ])
        #expect(withheld.status == 0)
        let names = try #require(folder.read("withheld/feedback/bob.md"))
        #expect(names.contains("starting a new game records who plays"))
        // Every report a learner may see withholds the hidden expectations.
        for report in [
            "withheld/feedback/bob.md", "withheld/submissions/bob/results.json", "withheld/submissions/bob/exercism.json",
            "withheld/junit.xml",
        ] {
            let text = try #require(folder.read(report))
            #expect(!text.contains("Given"), "\(report) shows the given events")
            #expect(!text.contains("expected"), "\(report) shows the expectation")
        }
    }

    /// The reports with their timings removed.
    func reports(_ out: String) throws -> [String: String] {
        try GradingReports.read(folder.url.appendingPathComponent(out))
    }

    @Test("the same inputs give the same reports whatever --jobs is, and merged shards equal one run")
    func deterministicAndSharded() throws {
        try correct("ann")
        try submission("ben", start: "        return [.gameStarted(playerOne: playerTwo, playerTwo: playerOne)]")
        try submission("cat", start: "        \(Self.first) { fatalError(\"nope\") }\n        return []")
        folder.write("submissions/dan/Sources/ConnectFour/Decide.swift", "syntax error\n")
        try correct("eve")
        #expect(try grade(["--lessons", "2", "--out", folder.url.appendingPathComponent("one").path, "--jobs", "1"]).status == 0)
        #expect(try grade(["--lessons", "2", "--out", folder.url.appendingPathComponent("two").path, "--jobs", "2"]).status == 0)
        let one = try reports("one"), two = try reports("two")
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, text) in one { #expect(two[path] == text, "\(path) differs between --jobs 1 and --jobs 2") }

        for shard in ["1/2", "2/2"] {
            let name = "shard-" + shard.replacingOccurrences(of: "/", with: "-")
            #expect(try grade(["--lessons", "2", "--out", folder.url.appendingPathComponent(name).path, "--shard", shard]).status == 0)
        }
        let shardOne = try #require(folder.read("shard-1-2/grades.csv"))
        #expect(shardOne.split(separator: "\n").count == 4)
        let merge = try WorkshopProcess.run(
            [
                "grade", "merge", folder.url.appendingPathComponent("shard-1-2").path, folder.url.appendingPathComponent("shard-2-2").path,
                "--out", folder.url.appendingPathComponent("merged").path,
            ],
            environment: WorkshopProcess.environment(home: folder.path))
        #expect(merge.status == 0, "\(merge.errors)")
        let merged = try reports("merged")
        #expect(merged.keys.sorted() == one.keys.sorted())
        for (path, text) in one { #expect(merged[path] == text, "\(path) differs between merged shards and one run") }
    }

    @Test("a private suite adds scenarios and points that never ship to learners")
    func privateSuite() throws {
        try correct("ann")
        folder.write(
            "private/deciding/suite.yaml",
            """
            scenarios:
              - name: a third start is refused too
                weight: 5
                given:
                  - gameStarted: {playerOne: alice, playerTwo: bob}
                when:
                  decide: {startGame: {playerOne: x, playerTwo: y}}
                then:
                  error: alreadyStarted
            """)
        let result = try grade([
            "--lessons", "2", "--suite", folder.url.appendingPathComponent("private").path, "--out",
            folder.url.appendingPathComponent("out").path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(folder.read("out/grades.csv")?.contains("ann,19,19,19,pass") == true)
        let tests = try json("out/submissions/ann/results.json")["tests"] as? [[String: Any]]
        #expect(
            tests?.contains { $0["name"] as? String == "deciding · a third start is refused too" && $0["max_score"] as? Double == 5 }
                == true)
    }

    @Test("check --as-grader runs the learner's code under the grader's sandbox and limits")
    func checkAsGrader() throws {
        let workspace = folder.url.appendingPathComponent("ws")
        try correct("self")
        try FileManager.default.copyItem(at: submissions.appendingPathComponent("self"), to: workspace)
        let result = try WorkshopProcess.run(
            ["--workspace", workspace.path, "check", "2", "--as-grader", "--json"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]))
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("\"passed\" : 10"))
    }

    /// Runs python3 (which `make test-deps` relies on) to build an archive fixture.
    func python(_ script: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 could not build the fixture")
    }

    @Test("every entry of the folder gets a row or a named warning, ids never clash, and bombs are refused within limits")
    func everyEntryAccounted() throws {
        let scratchParent = folder.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratchParent, withIntermediateDirectories: true)
        // Debris of a grader killed outright (its pid cannot be running).
        try FileManager.default.createDirectory(
            at: scratchParent.appendingPathComponent("workshop-grade-4194303-abandoned/3/unpacked"), withIntermediateDirectories: true)
        // The longest name a folder may have but one: its reports' files could not carry it whole.
        let long = String(repeating: "n", count: 254)
        try correct(long)
        try correct("dup")
        try correct("zipped")
        try submission("tarred", start: "        return []")
        let sources = submissions.path
        try python(
            """
            import sys, os, zipfile, tarfile
            base = sys.argv[1]
            with zipfile.ZipFile(os.path.join(base, "dup.zip"), "w", zipfile.ZIP_DEFLATED) as z:
                for name in os.listdir(os.path.join(base, "zipped/Sources/ConnectFour")):
                    z.write(os.path.join(base, "zipped/Sources/ConnectFour", name), "export/Sources/ConnectFour/" + name)
            with tarfile.open(os.path.join(base, "dup.tar.gz"), "w:gz") as t:
                t.add(os.path.join(base, "tarred"), "tarred")
            with zipfile.ZipFile(os.path.join(base, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
                for index in range(4):
                    z.writestr("Sources/ConnectFour/zeros%d.txt" % index, bytes(40 << 20))
            import io
            with tarfile.open(os.path.join(base, "bomb.tar.gz"), "w:gz") as t:
                for index in range(4):
                    info = tarfile.TarInfo("Sources/ConnectFour/zeros%d.txt" % index)
                    info.size = 40 << 20
                    t.addfile(info, io.BytesIO(bytes(40 << 20)))
            os.mkdir(os.path.join(base, b"bad\\xffname".decode("utf-8", "surrogateescape")))
            """, [sources])
        try FileManager.default.removeItem(at: submissions.appendingPathComponent("zipped"))
        try FileManager.default.removeItem(at: submissions.appendingPathComponent("tarred"))
        try correct(".hidden")
        try FileManager.default.createSymbolicLink(
            atPath: submissions.appendingPathComponent("link").path, withDestinationPath: submissions.appendingPathComponent("dup").path)
        folder.write("submissions/notes.txt", "not a submission\n")
        // More Swift than grading takes, and a flood of compile errors.
        folder.write("submissions/huge/Sources/ConnectFour/Big.swift", "// " + String(repeating: "x", count: 300_000) + "\n")
        folder.write(
            "submissions/noisy/Sources/ConnectFour/Decide.swift",
            (0..<3_000).map { "let wrong\($0): Int = \"not a number\"" }.joined(separator: "\n"))

        let result = try WorkshopProcess.run(
            ["grade", submissions.path, "--lessons", "2", "--out", folder.url.appendingPathComponent("out").path, "--jobs", "2"],
            environment: WorkshopProcess.environment(
                home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache, "TMPDIR": scratchParent.path]),
            timeout: 600)
        #expect(result.status == 0, "\(result.errors)")
        let table = rows(try #require(folder.read("out/grades.csv")))
        #expect(table[long]?[4] == "pass")
        #expect(table["dup"]?[4] == "pass")
        #expect(table["dup.zip"]?[4] == "pass", "\(table.keys.sorted())")
        #expect(table["dup.tar.gz"]?[4] == "fail")
        #expect(table["link"]?[4] == "unreadable")
        #expect(table["bad\u{FFFD}name"]?[4] == "unreadable", "\(table.keys.sorted())")
        #expect(table["bomb"] == nil && table["bomb.zip"]?[4] == "unreadable" && table["bomb.tar.gz"]?[4] == "unreadable")
        #expect(table["huge"]?[4] == "unreadable")
        #expect(table["noisy"]?[4] == "compile-error")
        #expect(result.output.contains("dup, dup.tar.gz, dup.zip share the id dup"), "\(result.output)")
        #expect(result.output.contains("hidden entries skipped: .hidden"))
        #expect(result.output.contains("neither a folder nor a .zip / .tar.gz: notes.txt"))

        let run = try json("out/grading.json")
        let graded = Dictionary(
            uniqueKeysWithValues: (run["submissions"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) })
        #expect((graded["link"]?["message"] as? String)?.contains("symbolic link") == true)
        #expect((graded["bad\u{FFFD}name"]?["message"] as? String)?.contains("not valid UTF-8") == true)
        for bomb in ["bomb.zip", "bomb.tar.gz"] {
            let message = graded[bomb]?["message"] as? String ?? ""
            #expect(message.contains("more than 64 MiB"), "\(bomb): \(message)")
            #expect(!message.contains("workshop-grade-") && !message.contains(scratchParent.path), "\(message)")
            let feedback = try #require(folder.read("out/feedback/\(bomb).md"))
            #expect(!feedback.contains("Every scenario passes"))
        }
        #expect((graded["huge"]?["message"] as? String)?.contains("more than 256 KiB") == true)
        let noisy = ((graded["noisy"]?["lessons"] as? [[String: Any]])?.first?["compileErrors"] as? String) ?? ""
        #expect(noisy.count < 10_000 && noisy.contains("cut"), "\(noisy.count) characters of diagnostics")
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/submissions/dup.zip/results.json").path))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out/feedback").path).count == table.count
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratchParent.path).isEmpty, "scratch folders were left behind")
    }

    @Test("a grader stopped by SIGTERM removes its scratch folder and leaves no host running")
    func stoppedCleanly() throws {
        let (process, scratchParent) = try startGradingASubmissionThatLoops()
        // Wait until a host runs (the build folder holds it), then stop the grader as `timeout` would.
        var hostRunning = false
        for _ in 0..<1_200 where !hostRunning {
            usleep(100_000)
            let found = FileManager.default.enumerator(atPath: scratchParent.path)?.contains {
                ($0 as? String)?.contains("/build/host-") == true
            }
            hostRunning = found == true
        }
        #expect(hostRunning, "no host was built")
        usleep(500_000)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratchParent.path).isEmpty, "the scratch folder was left behind")
        usleep(300_000)
        let survivors = processes(naming: scratchParent.path)
        #expect(survivors.isEmpty, "processes outlived the grader: \(survivors)")
    }

    /// A grader running in the background on one submission whose code never ends, with its scratch
    /// folders under a folder of the test's own (returned with it), for tests that stop it.
    func startGradingASubmissionThatLoops() throws -> (Process, scratchParent: URL) {
        let scratchParent = folder.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratchParent, withIntermediateDirectories: true)
        try submission("slow", start: "        while true {}")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: WorkshopProcess.executable)
        process.arguments = ["grade", submissions.path, "--lessons", "2", "--out", folder.url.appendingPathComponent("out").path]
        process.environment = WorkshopProcess.environment(
            home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache, "TMPDIR": scratchParent.path])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, scratchParent)
    }

    /// Processes whose command line names `folder` (and `also`, when given). The arguments are
    /// split at their NULs first: Foundation's `contains` reads a string only up to its first NUL.
    func processes(naming folder: String, and also: String = "") -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard Int(entry) != nil, let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            let arguments = command.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.contains { $0.contains(folder) } && (also.isEmpty || arguments.contains { $0.contains(also) })
        }
    }

    @Test("a grader killed outright (SIGKILL) leaves no host or helper running, and the next start removes its scratch folder")
    func killedOutright() throws {
        let (process, scratchParent) = try startGradingASubmissionThatLoops()
        // Wait until the host runs in its sandbox (bubblewrap's command line binds it from the scratch folder).
        var hostRunning = false
        for _ in 0..<1_200 where !hostRunning {
            usleep(100_000)
            hostRunning = !processes(naming: scratchParent.path, and: "/sandbox/host").isEmpty
        }
        #expect(hostRunning, "no host was started")
        usleep(500_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        var survivors = processes(naming: scratchParent.path)
        for _ in 0..<50 where !survivors.isEmpty {
            usleep(100_000)
            survivors = processes(naming: scratchParent.path)
        }
        #expect(survivors.isEmpty, "processes outlived the killed grader: \(survivors)")
        let left = try FileManager.default.contentsOfDirectory(atPath: scratchParent.path)
        #expect(left.count == 1 && left.allSatisfy { $0.hasPrefix("workshop-grade-") }, "\(left)")

        // The next grader to start removes what the killed one left.
        try FileManager.default.removeItem(at: submissions.appendingPathComponent("slow"))
        try FileManager.default.createDirectory(at: submissions.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let next = try WorkshopProcess.run(
            ["grade", submissions.path, "--lessons", "2", "--out", folder.url.appendingPathComponent("next").path],
            environment: WorkshopProcess.environment(
                home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache, "TMPDIR": scratchParent.path]),
            timeout: 600)
        #expect(next.status == 0, "\(next.errors)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratchParent.path).isEmpty, "the killed grader's scratch folder stayed")
    }

    @Test("grade refuses to write its default reports inside the workshop's own checkout")
    func refusesToWriteIntoTheCheckout() throws {
        try correct("ann")
        let result = try WorkshopProcess.run(
            ["grade", submissions.path, "--lessons", "2"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache]), directory: Self.root)
        #expect(result.status != 0)
        #expect(result.errors.contains("give --out"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("grades").path))
    }

    @Test("bad input gets clear errors: no such folder, a bad range, a bad shard")
    func badInput() throws {
        let missing = try grade(["--lessons", "1"])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("no submissions folder"))
        try correct("a")
        #expect(try grade(["--lessons", "99"]).errors.contains("there is no lesson '99'"))
        #expect(try grade(["--lessons", "1", "--shard", "3/2"]).errors.contains("--shard takes I/N"))
    }
}
