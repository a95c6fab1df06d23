/// Whether any two ring edges meet, by the Shamos–Hoey sweep: O(n log n) for n edges.
///
/// A vertical line sweeps west to east (ties broken by latitude, so vertical edges need no special
/// case). The edges it crosses are kept ordered south to north in a treap; an edge is compared only
/// with its neighbours there — when it enters, and when the edge between two others leaves. The first
/// contact lies ahead of the sweep, so the two edges meeting there are neighbours before the line
/// reaches it. Two exceptions are settled first: a vertex shared by more than two edge ends (rings
/// touching at a corner) and collinear edges found while ordering. Every test is exact.
enum SweepIntersection {
    typealias Edge = SelfIntersectionFinder.Edge

    static func before(_ p: GeoPoint, _ q: GeoPoint) -> Bool { p.lon < q.lon || (p.lon == q.lon && p.lat < q.lat) }

    static func firstContact(among edges: [Edge]) -> GeoPoint? {
        guard edges.count > 1 else { return nil }
        // A corner shared by more than two edge ends is a touch the sweep's ordering would hide.
        var ends = edges.flatMap { [$0.a, $0.b] }
        ends.sort(by: before)
        var run = 1
        for index in ends.indices.dropFirst() {
            run = ends[index] == ends[index - 1] ? run + 1 : 1
            if run > 2 { return ends[index] }
        }
        // Events: each edge enters at its west end and leaves at its east end; at one point, leaving first.
        let west = edges.map { before($0.a, $0.b) ? $0.a : $0.b }
        let east = edges.map { before($0.a, $0.b) ? $0.b : $0.a }
        var events: [(point: GeoPoint, leaving: Bool, edge: Int)] = []
        events.reserveCapacity(edges.count * 2)
        for index in edges.indices {
            events.append((west[index], false, index))
            events.append((east[index], true, index))
        }
        events.sort { x, y in
            if x.point != y.point { return before(x.point, y.point) }
            return x.leaving && !y.leaving
        }
        var status = SweepStatus(capacity: edges.count)
        var node = [Int](repeating: -1, count: edges.count)
        func check(_ i: Int, _ j: Int) -> GeoPoint? { SelfIntersectionFinder.contact(edges[i], edges[j]) }
        for event in events {
            if event.leaving {
                let handle = node[event.edge]
                let below = status.predecessor(handle), above = status.successor(handle)
                status.remove(handle)
                if below >= 0, above >= 0, let contact = check(status.edge(below), status.edge(above)) { return contact }
                continue
            }
            let edge = event.edge
            var collinear: Int?
            let handle = status.insert(edge) { other in
                // Whether `edge` (entering at its west end) lies below `other` where the sweep is.
                let (p, q, r) = (west[other], east[other], west[edge])
                var side = RobustOrientation.sign(p.lon, p.lat, q.lon, q.lat, r.lon, r.lat)
                if side == 0 {
                    let s = east[edge]
                    side = RobustOrientation.sign(p.lon, p.lat, q.lon, q.lat, s.lon, s.lat)
                    if side == 0 { collinear = other }
                }
                return side < 0
            }
            if let other = collinear, let contact = check(edge, other) { return contact }
            node[edge] = handle
            let below = status.predecessor(handle), above = status.successor(handle)
            if below >= 0, let contact = check(edge, status.edge(below)) { return contact }
            if above >= 0, let contact = check(edge, status.edge(above)) { return contact }
        }
        return nil
    }
}

/// The sweep's ordered set of edges: a treap in arrays with parent links, so an edge is removed and
/// its neighbours found from its node without comparing (the order is only defined while inserting).
struct SweepStatus {
    private var edgeOf: [Int] = []
    private var priority: [UInt64] = []
    private var left: [Int] = []
    private var right: [Int] = []
    private var parent: [Int] = []
    private var root = -1
    private var seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(capacity: Int) {
        for array in [\Self.left, \Self.right, \Self.parent, \Self.edgeOf] { self[keyPath: array].reserveCapacity(capacity) }
        priority.reserveCapacity(capacity)
    }

    func edge(_ node: Int) -> Int { edgeOf[node] }

    private mutating func random() -> UInt64 {
        seed ^= seed << 13
        seed ^= seed >> 7
        seed ^= seed << 17
        return seed
    }

    /// Inserts `edge`, going left wherever `isBelow(other)` says it lies below the node's edge; returns its node.
    mutating func insert(_ edge: Int, isBelow: (Int) -> Bool) -> Int {
        let node = edgeOf.count
        edgeOf.append(edge)
        priority.append(random())
        left.append(-1)
        right.append(-1)
        parent.append(-1)
        guard root >= 0 else {
            root = node
            return node
        }
        var current = root
        while true {
            if isBelow(edgeOf[current]) {
                if left[current] < 0 {
                    left[current] = node
                    break
                }
                current = left[current]
            } else {
                if right[current] < 0 {
                    right[current] = node
                    break
                }
                current = right[current]
            }
        }
        parent[node] = current
        while parent[node] >= 0, priority[parent[node]] < priority[node] { rotateUp(node) }
        return node
    }

    /// Removes `node`: rotated down to a leaf, then cut off.
    mutating func remove(_ node: Int) {
        while left[node] >= 0 || right[node] >= 0 {
            let child =
                left[node] < 0 ? right[node] : right[node] < 0 ? left[node] : priority[left[node]] > priority[right[node]] ? left[node] : right[node]
            rotateUp(child)
        }
        let up = parent[node]
        if up < 0 {
            root = -1
        } else if left[up] == node {
            left[up] = -1
        } else {
            right[up] = -1
        }
        parent[node] = -1
    }

    /// Lifts `node` above its parent, keeping the in-order sequence.
    private mutating func rotateUp(_ node: Int) {
        let up = parent[node], grand = parent[up]
        if left[up] == node {
            left[up] = right[node]
            if right[node] >= 0 { parent[right[node]] = up }
            right[node] = up
        } else {
            right[up] = left[node]
            if left[node] >= 0 { parent[left[node]] = up }
            left[node] = up
        }
        parent[up] = node
        parent[node] = grand
        if grand < 0 {
            root = node
        } else if left[grand] == up {
            left[grand] = node
        } else {
            right[grand] = node
        }
    }

    /// The node just below `node`, or −1.
    func predecessor(_ node: Int) -> Int {
        if left[node] >= 0 {
            var current = left[node]
            while right[current] >= 0 { current = right[current] }
            return current
        }
        var current = node
        while parent[current] >= 0, left[parent[current]] == current { current = parent[current] }
        return parent[current]
    }

    /// The node just above `node`, or −1.
    func successor(_ node: Int) -> Int {
        if right[node] >= 0 {
            var current = right[node]
            while left[current] >= 0 { current = left[current] }
            return current
        }
        var current = node
        while parent[current] >= 0, right[parent[current]] == current { current = parent[current] }
        return parent[current]
    }
}
