import Vapor

extension Request {
    /// The `Idempotency-Key` header, namespaced by who sent it.
    func idempotencyKey(owner: String) throws -> String? {
        guard let key = headers.first(name: "Idempotency-Key") else { return nil }
        guard (1...200).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw Problem.invalid(field: "Idempotency-Key", "1–200 visible ASCII characters / 幂等键无效")
        }
        return "\(owner):\(key)"
    }
}
