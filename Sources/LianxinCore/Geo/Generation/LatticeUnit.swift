/// One lattice cell's output: its grid, and its enclave grid if it has one; `order` is its Hilbert index.
struct LatticeUnit {
    var order: Int
    var grids: [AreaGeometry]
}
