import Foundation

/// Document fingerprints by winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms
/// for document fingerprinting", SIGMOD 2003; the method behind MOSS): hash every k-gram of the
/// token stream, slide a window of `window` hashes over them, and keep each window's minimum
/// (the rightmost on a tie), once per position. Any shared run of at least `window + k - 1`
/// tokens yields a shared fingerprint; runs shorter than `k` never do, so noise stays out.
public struct Winnowing: Sendable {
    /// Tokens per k-gram: long enough that a shared k-gram of abstracted tokens is not an idiom.
    public var k: Int
    public var window: Int

    public init(k: Int = 15, window: Int = 10) {
        self.k = k
        self.window = window
    }

    /// One fingerprint: a k-gram's hash and the index of its first token.
    public struct Print: Sendable, Equatable {
        public var hash: UInt64
        public var token: Int
    }

    /// The fingerprints of a token stream, each token given by its hash.
    public func fingerprints(_ tokens: [UInt64]) -> [Print] {
        let grams = grams(tokens)
        guard !grams.isEmpty else { return [] }
        let size = min(window, grams.count)
        var prints: [Print] = []
        var last = -1
        for end in (size - 1)..<grams.count {
            var best = end
            for index in stride(from: end, through: end - size + 1, by: -1) where grams[index] < grams[best] { best = index }
            if best != last {
                prints.append(Print(hash: grams[best], token: best))
                last = best
            }
        }
        return prints
    }

    /// Every k-gram's hash, in order (what starter and reference code remove, all of them, so a
    /// fingerprint chosen in another context is removed too).
    public func grams(_ tokens: [UInt64]) -> [UInt64] {
        guard tokens.count >= k else { return [] }
        var grams: [UInt64] = []
        grams.reserveCapacity(tokens.count - k + 1)
        for start in 0...(tokens.count - k) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for token in tokens[start..<start + k] {
                hash = (hash ^ token) &* 0x0000_0100_0000_01b3
                hash ^= hash >> 29
            }
            grams.append(hash)
        }
        return grams
    }

    /// A token's hash (FNV-1a of its text): stable across runs, so reports repeat.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
