// Barstucks · Forgetting a customer (GDPR)
//
// Events are never deleted, so personal data is stored sealed with a key of its own, one per
// customer, kept apart in a vault. Deleting the key forgets the person; the facts stay.
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.

/// The teaching cipher: XOR with the key's bytes, written as hex. It shows the idea and nothing
/// more; it is not secure. Real code seals with an authenticated cipher such as AES-GCM.
func seal(_ text: String, with key: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    let bytes = Array(text.utf8).enumerated().map { $0.element ^ key[$0.offset % key.count] }
    return bytes.map { "\(digits[Int($0 >> 4)])\(digits[Int($0 & 15)])" }.joined()
}

/// The teaching cipher, backwards: nil when the text is not something `seal` wrote with this key.
func unseal(_ sealed: String, with key: [UInt8]) -> String? {
    let hex = Array(sealed)
    guard hex.count % 2 == 0, !key.isEmpty else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: hex.count, by: 2) {
        guard let byte = UInt8(String(hex[index...index + 1]), radix: 16) else { return nil }
        bytes.append(byte ^ key[(index / 2) % key.count])
    }
    return String(validating: bytes, as: UTF8.self)
}

/// What a forgotten customer's personal data reads as.
let erased = "[erased]"

/// One key per customer, kept apart from the events so that it can be deleted.
struct KeyVault: Codable, Equatable {
    var keys: [String: [UInt8]] = [:]

    /// The customer's key, made (32 random bytes) the first time it is asked for.
    mutating func key(for customerId: String) -> [UInt8] {
        if let key = keys[customerId] { return key }
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        keys[customerId] = key
        return key
    }

    /// Forget a customer: delete the key, and with it every copy of their sealed data, in
    /// the event store's backups too (the vault's own backups must expire for that to hold).
    mutating func forget(_ customerId: String) {
        // TODO: delete the customer's key.
    }
}

/// Before storing: seal the personal data (name and email) with the customer's key.
/// The customer id stays readable: it names the stream and finds the key.
func protect(_ event: CustomerEvent, in vault: inout KeyVault) -> CustomerEvent {
    // TODO: seal a registration's name and email with the customer's key (vault.key(for:)).
    event
}

/// After reading: unseal the personal data, or show it erased when the key is gone.
func reveal(_ event: CustomerEvent, in vault: KeyVault) -> CustomerEvent {
    // TODO: unseal with the customer's key; without one (or when unseal fails) the data reads `erased`.
    event
}

/// A line of the customer directory, a read model.
struct Contact: Codable, Equatable {
    var name: String
    var email: String
    var points: Int
}

/// The customer directory, built from the stored (sealed) events.
func directory(_ stored: [CustomerEvent], vault: KeyVault) -> [String: Contact] {
    // TODO: reveal each event; a registration adds a contact, a loyalty point adds to their points.
    [:]
}
