/// 积分兑换: spending points on goods a caring merchant offers, checked against the stock and the balance.
public enum PointsExchange {
    /// Why an exchange was refused; each names the input field at fault.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case quantityNotPositive(Int)
        case outOfStock(stock: Int, requested: Int)
        case insufficientBalance(balance: Int, required: Int)

        public var field: String {
            switch self {
            case .quantityNotPositive, .outOfStock: "/quantity"
            case .insufficientBalance: "/volunteerId"
            }
        }

        public var description: String {
            switch self {
            case .quantityNotPositive(let quantity):
                "the quantity must be at least 1, not \(quantity) / 数量至少为 1"
            case .outOfStock(let stock, let requested):
                "only \(stock) left in stock, \(requested) requested / 库存仅剩 \(stock) 件"
            case .insufficientBalance(let balance, let required):
                "the volunteer has \(balance) points, \(required) are needed / 积分不足：现有 \(balance) 分，需要 \(required) 分"
            }
        }
    }

    /// The points `quantity` items at `price` cost, when `stock` holds them and `balance` covers them.
    public static func cost(quantity: Int, price: Int, stock: Int, balance: Int) throws(Refusal) -> Int {
        guard quantity > 0 else { throw .quantityNotPositive(quantity) }
        guard quantity <= stock else { throw .outOfStock(stock: max(0, stock), requested: quantity) }
        let (total, overflow) = price.multipliedReportingOverflow(by: quantity)
        guard !overflow, total <= balance else {
            throw .insufficientBalance(balance: balance, required: overflow ? Int.max : total)
        }
        return total
    }
}
