import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 exchange over a socket of its own (`Connection: close`), with a deadline for the
/// whole of it. The room's client uses this rather than URLSession: on Linux a URLSession in a
/// long-running shell, once its server had gone away, kept timing out after the server was back
/// (seen with a restarted room); a fresh socket per request has no state to go stale.
enum PlainHTTP {
    struct Answer {
        var status: Int
        var body: Data
    }

    static func exchange(
        url: URL, method: String, headers: [(String, String)], body: Data?, timeout: TimeInterval
    ) throws(RoomClient.Failure) -> Answer {
        guard url.scheme == "http", let host = url.host, !host.isEmpty else {
            throw .unreachable("'\(url.absoluteString)' is not a room's address (http://HOST:PORT, as the room printed it)")
        }
        let port = url.port ?? 80
        let deadline = Date().addingTimeInterval(timeout)
        let socket = try connect(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port, deadline: deadline)
        defer { close(socket) }
        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nContent-Length: \(body?.count ?? 0)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        var request = Data((head + "\r\n").utf8)
        if let body { request.append(body) }
        try send(request, on: socket, deadline: deadline)
        let response = try receive(on: socket, deadline: deadline)
        return try parse(response)
    }

    private static func connect(host: String, port: Int, deadline: Date) throws(RoomClient.Failure) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            throw .unreachable("the room's host '\(host)' is not known on this network")
        }
        defer { freeaddrinfo(found) }
        var reason = "no address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            cursor = entry.pointee.ai_next
            let socket = Glibc.socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            guard socket >= 0 else { continue }
            let flags = fcntl(socket, F_GETFL)
            _ = fcntl(socket, F_SETFL, flags | O_NONBLOCK | O_CLOEXEC)
            var result = Glibc.connect(socket, entry.pointee.ai_addr, entry.pointee.ai_addrlen)
            if result != 0, errno == EINPROGRESS {
                var poller = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
                let ready = poll(&poller, 1, milliseconds(until: deadline))
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
                result = ready == 1 && error == 0 ? 0 : -1
                errno = ready == 1 ? error : ETIMEDOUT
            }
            if result == 0 { return socket }
            reason = String(cString: strerror(errno))
            close(socket)
        }
        throw .unreachable("the room at \(host):\(port) did not answer (\(reason.lowercased()))")
    }

    private static func milliseconds(until deadline: Date) -> Int32 {
        Int32(max(0, min(Double(Int32.max), deadline.timeIntervalSinceNow * 1000)))
    }

    private static func wait(_ socket: Int32, for events: Int32, deadline: Date) throws(RoomClient.Failure) {
        var poller = pollfd(fd: socket, events: Int16(events), revents: 0)
        guard poll(&poller, 1, milliseconds(until: deadline)) == 1 else { throw .unreachable("the room did not answer in time") }
    }

    private static func send(_ data: Data, on socket: Int32, deadline: Date) throws(RoomClient.Failure) {
        var offset = 0
        while offset < data.count {
            try wait(socket, for: Int32(POLLOUT), deadline: deadline)
            let written = data.withUnsafeBytes { bytes in
                Glibc.send(socket, bytes.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0, errno == EAGAIN || errno == EINTR { continue }
            guard written > 0 else { throw .unreachable("the room closed the connection (\(String(cString: strerror(errno))))") }
            offset += written
        }
    }

    /// Everything until the server closes, at most 1 MiB (a room's answer is a few KiB).
    private static func receive(on socket: Int32, deadline: Date) throws(RoomClient.Failure) -> Data {
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while response.count < 1 << 20 {
            try wait(socket, for: Int32(POLLIN), deadline: deadline)
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0, errno == EAGAIN || errno == EINTR { continue }
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
            // The answer is whole once its announced length has come, even before the server closes.
            if let (_, whole) = try? parseWithLength(response), whole { break }
        }
        return response
    }

    private static func parse(_ response: Data) throws(RoomClient.Failure) -> Answer {
        let (answer, _) = try parseWithLength(response)
        return answer
    }

    private static func parseWithLength(_ response: Data) throws(RoomClient.Failure) -> (Answer, Bool) {
        guard let end = response.range(of: Data("\r\n\r\n".utf8)) else { throw .unreachable("the room's answer was cut short") }
        let head = String(decoding: response[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = head.first?.split(separator: " ") ?? []
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw .unreachable("the room's answer was not HTTP")
        }
        let body = Data(response[end.upperBound...])
        let length = head.dropFirst().compactMap { line -> Int? in
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "content-length" else { return nil }
            return Int(pair[1].trimmingCharacters(in: .whitespaces))
        }.first
        if let length { return (Answer(status: status, body: body.prefix(length)), body.count >= length) }
        return (Answer(status: status, body: body), false)
    }
}
