// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import Foundation
import LearnerHost

/// Events as the deciders produced them (in plain text), and the customers to forget after
/// they were stored.
struct Story: Decodable {
    var events: [CustomerEvent]
    var forget: [String]?
}

/// What a look at the stored events found.
struct StoredLook: Encodable {
    /// The personal data (names, emails) that can be read in the stored events as they are.
    var plainTextFound: [String]
    /// The customer ids, which must stay readable.
    var customerIds: [String]
}

/// What the vault held after the events were stored.
struct VaultLook: Encodable {
    var customers: [String]
    var sameKeyAgain: Bool
}

func store(_ events: [CustomerEvent], in vault: inout KeyVault) -> [CustomerEvent] {
    events.map { protect($0, in: &vault) }
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "directory": .value { (story: Story) -> [String: Contact] in
                var vault = KeyVault()
                let stored = store(story.events, in: &vault)
                for customerId in story.forget ?? [] { vault.forget(customerId) }
                return directory(stored, vault: vault)
            },
            "stored": .value { (story: Story) -> StoredLook in
                var vault = KeyVault()
                let json = String(decoding: try JSONEncoder().encode(store(story.events, in: &vault)), as: UTF8.self)
                var personal: [String] = []
                var ids: [String] = []
                for case .customerRegistered(let customerId, let name, let email) in story.events {
                    personal += [name, email]
                    ids.append(customerId)
                }
                return StoredLook(
                    plainTextFound: personal.filter { json.contains($0) },
                    customerIds: ids.filter { json.contains("\"\($0)\"") })
            },
            "vault": .value { (story: Story) -> VaultLook in
                var vault = KeyVault()
                _ = store(story.events, in: &vault)
                let first = vault.keys
                _ = store(story.events, in: &vault)
                for customerId in story.forget ?? [] { vault.forget(customerId) }
                return VaultLook(customers: vault.keys.keys.sorted(), sameKeyAgain: first.allSatisfy { vault.keys[$0.key] == nil || vault.keys[$0.key] == $0.value })
            },
            "protect": .value { (event: CustomerEvent) -> CustomerEvent in
                var vault = KeyVault()
                return protect(event, in: &vault)
            },
        ])
    }
}
