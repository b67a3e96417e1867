import Foundation

/// The address learners on the same network reach this machine at: the first IPv4 address of an
/// interface that is up and not loopback (what `ip addr` shows for the Wi-Fi), else loopback.
public enum LocalAddress {
    public static func forJoinLine(listeningOn host: String) -> String {
        guard host == "0.0.0.0" || host == "::" else { return host == "localhost" ? "127.0.0.1" : host }
        return lan() ?? "127.0.0.1"
    }

    static func lan() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0
            else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                return String(cString: host)
            }
        }
        return nil
    }
}
