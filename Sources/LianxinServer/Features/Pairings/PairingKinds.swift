import Vapor
import Fluent
import LianxinCore

/// The kinds of pairing (结对): party member with households, cadre with a community, leader with a cluster.
enum PairingKinds {
    static let all = ["partyMember", "cadre", "leader"]
}
