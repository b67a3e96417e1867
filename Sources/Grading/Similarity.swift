import Foundation

/// A source file to compare: its path in the submission and its text.
public struct SourceFile: Sendable, Equatable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// One submission's sources, for `grade similarity`.
public struct ComparedSources: Sendable {
    public var id: String
    public var files: [SourceFile]

    public init(id: String, files: [SourceFile]) {
        self.id = id
        self.files = files
    }
}

/// Two submissions that share code, and how much: `score` is the shared fingerprints over the
/// smaller of their two sets (so a short submission inside a long one scores high too).
public struct SimilarPair: Sendable, Equatable {
    public var first: Int
    public var second: Int
    public var score: Double
    public var shared: Int
    public var firstPrints: Int
    public var secondPrints: Int
}

/// Where a shared fingerprint lies in each of two submissions: a file index and a UTF-8 byte range.
public struct SharedRegion: Sendable, Equatable {
    public var file: Int
    public var bytes: Range<Int>
}

/// Compares submissions with each other by winnowing (Winnowing) over their token streams with
/// names and literals abstracted (SwiftTokens), each file on its own, so renamed identifiers,
/// changed comments and layout, and reordered declarations or files hide nothing. Every k-gram of
/// the code given to learners (starter, reference) is removed first: sharing what the course
/// handed out is no sign of anything.
public struct SimilarityAnalysis: Sendable {
    public var winnowing: Winnowing
    /// Every k-gram hash of the given code.
    let given: Set<UInt64>
    public private(set) var sources: [ComparedSources] = []
    /// Per submission: each kept fingerprint's hash → where it occurs (file, first token).
    var prints: [[UInt64: [Location]]] = []
    /// Per submission and file: each token's UTF-8 range, for showing matches.
    var tokenRanges: [[[Range<Int>]]] = []

    struct Location: Sendable {
        var file: Int32
        var token: Int32
    }

    /// - Parameter given: the texts of the starter and reference code, never counted as shared.
    public init(given: [String], winnowing: Winnowing = Winnowing()) {
        self.winnowing = winnowing
        var hashes = Set<UInt64>()
        for text in given {
            hashes.formUnion(winnowing.grams(SwiftTokens.tokens(text).map { Winnowing.hash($0.abstracted) }))
        }
        self.given = hashes
    }

    /// Adds a submission's fingerprints.
    public mutating func add(_ submission: ComparedSources) {
        var found: [UInt64: [Location]] = [:]
        var ranges: [[Range<Int>]] = []
        for (fileIndex, file) in submission.files.enumerated() {
            let tokens = SwiftTokens.tokens(file.text)
            ranges.append(tokens.map { $0.start..<$0.end })
            for print in winnowing.fingerprints(tokens.map { Winnowing.hash($0.abstracted) }) where !given.contains(print.hash) {
                found[print.hash, default: []].append(Location(file: Int32(fileIndex), token: Int32(print.token)))
            }
        }
        sources.append(submission)
        prints.append(found)
        tokenRanges.append(ranges)
    }

    /// How many fingerprints a submission has once the given code is removed.
    public func fingerprintCount(_ index: Int) -> Int { prints[index].count }

    /// Every pair sharing at least one fingerprint, most similar first (then most shared, then by id).
    /// An inverted index (fingerprint → submissions) counts shared ones, so the work grows with
    /// shared fingerprints rather than with every pair's whole sets.
    public func pairs(progress: (Int, Int) -> Void = { _, _ in }) -> [SimilarPair] {
        let count = sources.count
        var holders: [UInt64: [Int32]] = [:]
        for (index, found) in prints.enumerated() {
            for hash in found.keys { holders[hash, default: []].append(Int32(index)) }
        }
        var shared = [Int32](repeating: 0, count: count * count)
        var done = 0
        for list in holders.values where list.count > 1 {
            for a in 0..<list.count {
                let row = Int(list[a]) * count
                for b in (a + 1)..<list.count { shared[row + Int(list[b])] += 1 }
            }
            done += 1
            if done % 4096 == 0 { progress(done, holders.count) }
        }
        progress(holders.count, holders.count)
        var pairs: [SimilarPair] = []
        for first in 0..<count {
            for second in (first + 1)..<max(first + 1, count) where shared[first * count + second] > 0 {
                let both = Int(shared[first * count + second])
                let smaller = min(prints[first].count, prints[second].count)
                pairs.append(
                    SimilarPair(
                        first: first, second: second, score: Double(both) / Double(max(1, smaller)), shared: both,
                        firstPrints: prints[first].count, secondPrints: prints[second].count))
            }
        }
        return pairs.sorted {
            ($0.score, $0.shared) != ($1.score, $1.shared)
                ? ($0.score, $0.shared) > ($1.score, $1.shared)
                : (sources[$0.first].id, sources[$0.second].id) < (sources[$1.first].id, sources[$1.second].id)
        }
    }

    /// The regions of each submission that a pair's shared fingerprints cover, merged per file.
    public func regions(of pair: SimilarPair) -> (first: [SharedRegion], second: [SharedRegion]) {
        let a = prints[pair.first], b = prints[pair.second]
        var first: [SharedRegion] = [], second: [SharedRegion] = []
        for (hash, places) in a {
            guard let others = b[hash] else { continue }
            first += places.map { region($0, in: pair.first) }
            second += others.map { region($0, in: pair.second) }
        }
        return (Self.merged(first), Self.merged(second))
    }

    /// The files of a submission that hold any of a pair's shared regions.
    public func files(_ regions: [SharedRegion], of submission: Int) -> [String] {
        Set(regions.map(\.file)).sorted().map { sources[submission].files[$0].path }
    }

    func region(_ location: Location, in submission: Int) -> SharedRegion {
        let ranges = tokenRanges[submission][Int(location.file)]
        let start = Int(location.token)
        let end = min(ranges.count - 1, start + winnowing.k - 1)
        return SharedRegion(file: Int(location.file), bytes: ranges[start].lowerBound..<ranges[end].upperBound)
    }

    static func merged(_ regions: [SharedRegion]) -> [SharedRegion] {
        var result: [SharedRegion] = []
        for region in regions.sorted(by: { ($0.file, $0.bytes.lowerBound) < ($1.file, $1.bytes.lowerBound) }) {
            if let last = result.last, last.file == region.file, region.bytes.lowerBound <= last.bytes.upperBound {
                result[result.count - 1].bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, region.bytes.upperBound)
            } else {
                result.append(region)
            }
        }
        return result
    }
}
