import Foundation

/// A 64-bit FNV-1a digest of build inputs: a cache key, not a security measure.
public struct Fingerprint: Sendable {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func add(_ data: Data) {
        for byte in data {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01B3
        }
        // The length separates inputs, so ("ab", "c") and ("a", "bc") differ.
        withUnsafeBytes(of: UInt64(data.count).littleEndian) { for byte in $0 { state ^= UInt64(byte); state = state &* 0x100_0000_01B3 } }
    }

    public mutating func add(_ text: String) { add(Data(text.utf8)) }

    public var hex: String { String(state, radix: 16).leftPadded(to: 16) }
}

extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
