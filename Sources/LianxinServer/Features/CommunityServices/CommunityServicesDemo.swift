import Vapor
import Fluent
import LianxinCore

/// Demo community services for 上滩头社区 (and a station in 劳动路社区): a service menu, volunteers with a team (one an
/// in-service party member), an order, a wish, an activity, a caring merchant with goods and three stations. The
/// people and numbers are invented.
enum CommunityServicesDemo {
    static let community = "361102001001"

    /// Seeds once (when the community has no service menu yet); returns lines for the console.
    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await Division.find(community, on: db) != nil,
            try await ServiceMenuItem.query(on: db).filter(\.$communityCode == community).count() == 0,
            let staff = try await User.query(on: db).filter(\.$username == "community").first(), let staffID = staff.id
        else { return [] }
        let now = app.lianxin.now()
        let cipher = app.lianxin.cipher
        try await db.transaction { db in
            var items: [ServiceMenuItem] = []
            for (name, details) in [
                ("上门理发", "为行动不便的老人上门理发"), ("磨刀", "每周四下午在社区广场"),
                ("家电维修", "小家电检修，材料费自理"), ("社保认证帮办", "帮助老人完成社保待遇网上认证"),
            ] {
                let item = ServiceMenuItem()
                item.communityCode = community
                item.name = name
                item.details = details
                item.active = true
                item.createdAt = now
                try await item.create(on: db)
                items.append(item)
            }
            let team = VolunteerTeam()
            team.communityCode = community
            team.name = "上滩头红色志愿服务队"
            team.createdAt = now
            try await team.create(on: db)
            var volunteers: [Volunteer] = []
            for (name, phone, party, inService, workplace) in [
                ("周红梅", "13907931101", true, false, ""), ("吴志刚", "13907931102", true, true, "信州区税务局"),
                ("郑小燕", "13907931103", false, false, ""),
            ] {
                let volunteer = Volunteer()
                let volunteerID = UUID()
                volunteer.id = volunteerID
                volunteer.communityCode = community
                volunteer.name = name
                volunteer.phoneCipher = try cipher.seal(phone, for: .volunteerPhone, row: volunteerID)
                volunteer.phoneIndex = cipher.blindIndex(phone)
                volunteer.teamID = team.id
                volunteer.partyMember = party
                volunteer.inService = inService
                volunteer.workplace = workplace.isEmpty ? nil : workplace
                volunteer.registeredAt = now
                try await volunteer.create(on: db)
                volunteers.append(volunteer)
            }
            let order = ServiceOrder()
            order.id = UUID()
            var generator = SystemRandomNumberGenerator()
            order.trackingCode = TrackingCode.generate(using: &generator)
            order.communityCode = community
            order.itemID = items[0].id ?? UUID()
            order.itemName = items[0].name
            order.residentName = "王秀英"
            order.phoneCipher = try cipher.seal("13807931001", for: .serviceOrderPhone, row: order.id!)
            order.address = "上滩头小区 1 栋 1-101"
            order.note = "行动不便，下午在家"
            order.status = ServiceOrderStatus.ordered.rawValue
            order.source = "staff"
            order.orderedBy = staffID
            order.createdAt = now
            order.updatedAt = now
            order.events = 1
            try await order.create(on: db)
            let event = ServiceOrderEvent()
            event.orderID = order.id ?? UUID()
            event.sequence = 1
            event.action = "order"
            event.toStatus = order.status
            event.actor = "community"
            event.note = order.note
            event.at = now
            try await event.create(on: db)
            let wish = Wish()
            wish.communityCode = community
            wish.residentName = "李小明"
            wish.title = "想要一套课外读物"
            wish.details = "留守儿童，喜欢科普书"
            wish.status = WishStatus.posted.rawValue
            wish.postedBy = staffID
            wish.createdAt = now
            try await wish.create(on: db)
            let activity = Activity()
            activity.communityCode = community
            activity.title = "红帐篷志愿服务"
            activity.place = "上滩头社区广场"
            activity.startsAt = now.addingTimeInterval(86_400)
            activity.endsAt = now.addingTimeInterval(86_400 + 3 * 3_600)
            activity.capacity = 20
            activity.checkinCode = RentalCode.make()
            activity.createdBy = staffID
            activity.createdAt = now
            try await activity.create(on: db)
            let merchant = Merchant()
            merchant.communityCode = community
            merchant.name = "上滩头爱心超市"
            merchant.address = "上滩头路 8 号"
            merchant.createdAt = now
            try await merchant.create(on: db)
            for (name, points, stock) in [("洗衣液", 30, 20), ("大米 5 斤", 50, 10)] {
                let goods = MerchantGoods()
                goods.merchantID = merchant.id ?? UUID()
                goods.communityCode = community
                goods.name = name
                goods.points = points
                goods.stock = stock
                try await goods.create(on: db)
            }
            // A starting balance for the first volunteer, as an administrator's adjustment in the ledger.
            let entry = try PointsEntry(
                id: UUID(), volunteerID: volunteers[0].id ?? UUID(), amount: 60, reason: .adjustment,
                referenceID: nil, time: now)
            try await PointsLedgerStore.insert(entry, community: community, on: db)
            for (code, name, kind, address, lat, lon, services, hours) in [
                (community, "上滩头饶城e家", ServiceStationKind.riderHome, "上滩头路 12 号", 28.4558, 117.9436, ["饮水", "充电", "休息", "应急药箱"], "1-7 08:00-22:00"),
                (community, "上滩头幸福食堂", .canteen, "上滩头小区 3 栋一楼", 28.4546, 117.9451, ["老年助餐", "送餐上门"], "1-7 10:30-13:00,16:30-18:30"),
                ("361102001003", "劳动路虔新驿站", .workerStation, "劳动路 66 号", 28.4512, 117.9502, ["休息", "热饭", "如厕"], "1-5 08:00-20:00; 6-7 09:00-18:00"),
            ] {
                let station = ServiceStation()
                station.communityCode = code
                station.name = name
                station.kind = kind.rawValue
                station.address = address
                station.latitude = lat
                station.longitude = lon
                station.services = JSONColumn.text(services)
                station.openingHours = hours
                station.phone = "0793-8201000"
                station.active = true
                station.createdAt = now
                try await station.create(on: db)
            }
        }
        return [
            "community services: a service menu, 3 volunteers, an order, a wish, an activity, a caring merchant and 3 stations in 上滩头社区 (made up)"
        ]
    }
}
