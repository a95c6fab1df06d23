import Vapor

/// A resident acting on their request by its public code (evaluating a work order or a service
/// order, asking to reopen) proves they made it: they type the last four digits of the phone the
/// request was made with. Five tries, then one a minute per request (per instance), so the digits
/// cannot be run through; a request without a phone cannot be acted on by code at all.
enum RequesterConfirmation {
    /// Throws a 409 when there is no phone, 429 after too many tries, 422 naming `/phoneSuffix`
    /// when the digits differ. The phone is sealed in `column` of the request's `row`, which also
    /// names the request for the try counter.
    static func check(sealedPhone: Data?, in column: EncryptedColumn, row: UUID, typed: String?, _ req: Request) throws {
        guard let sealedPhone else { throw Problem.conflict(req.t("p_no_phone_to_confirm")) }
        guard req.lianxin.limits.allow("confirm-requester:\(column.table):\(row)", perMinute: 1, burst: 5, at: req.lianxin.now()) else {
            throw Problem(.tooManyRequests, type: "rate-limited", title: "Too many requests", detail: req.t("p_phone_suffix_too_many"))
        }
        let digits = (typed ?? "").filter { !$0.isWhitespace }
        let phone = try req.lianxin.cipher.open(sealedPhone, for: column, row: row)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), phone.hasSuffix(digits) else {
            throw Problem.invalid(field: "/phoneSuffix", req.t("p_phone_suffix_wrong"))
        }
    }
}
