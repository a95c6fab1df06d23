import Foundation
import Testing
@testable import LianxinCore

@Suite struct PIIRedactorTests {
    func redact(_ text: String) -> String { PIIRedactor.redact(text) }
    func kinds(_ text: String) -> [PIIRedactor.Kind] { PIIRedactor.findings(in: text).map(\.kind) }

    @Test func theHotlineDescriptionFromThePenetrationTestIsRedacted() {
        #expect(redact("来电人张三丰，电话 138 0000 1234，住幸福路18号3栋502室") == "来电人张**，电话 *** **** ****，住幸福路***")
        #expect(kinds("来电人张三丰，电话 138 0000 1234，住幸福路18号3栋502室") == [.name, .mobile, .door])
    }

    @Test(arguments: [
        ("电话13807930001。", "电话***********。"),
        ("电话138-0000-1234", "电话***-****-****"),
        ("电话138.0000.1234", "电话***.****.****"),
        ("电话 138 - 0000 - 1234 谢谢", "电话 *** - **** - **** 谢谢"),
        ("电话１３８ ０００ １２３４", "电话*** *** ****"),
        ("电话１３８００００１２３４", "电话***********"),
        ("电话+86 138 0000 1234", "电话+** *** **** ****"),
        ("电话＋８６１３８００００１２３４", "电话＋*************"),
        ("座机0793-1234567", "座机****-*******"),
        ("座机(0793)8123456", "座机(****)*******"),
        ("座机８１２３４５６", "座机*******"),
        ("电话一三八零零零零一二三四", "电话***********"),
    ])
    func phoneNumbersInAnySpacingOrWidth(_ pair: (String, String)) {
        #expect(redact(pair.0) == pair.1)
    }

    @Test func phoneKinds() {
        #expect(kinds("138 0000 1234") == [.mobile])
        #expect(kinds("+86-138-0000-1234") == [.mobile])
        #expect(kinds("0793-1234567") == [.landline])
        #expect(kinds("010 8765 4321") == [.landline])
    }

    @Test func idNumbersWithXInAnyWidthOrSpacing() {
        #expect(redact("身份证36110219900307123X") == "身份证******************")
        #expect(redact("身份证３６１１０２１９９００３０７１２３ｘ。") == "身份证******************。")
        #expect(redact("身份证 361102 19900307 123X") == "身份证 ****** ******** ****")
        #expect(redact("老证361102900307123") == "老证***************")
        #expect(kinds("36110219900307123X") == [.idNumber])
    }

    @Test func bankCardsInGroups() {
        #expect(redact("卡号6222 0212 3456 7890 123") == "卡号**** **** **** **** ***")
        #expect(redact("卡号6222-0212-3456-7890") == "卡号****-****-****-****")
        #expect(kinds("6222021234567890123") == [.bankCard])
        #expect(kinds("6222 0212 3456 7890") == [.bankCard])
    }

    @Test func namesAfterTheirCues() {
        #expect(redact("姓名：王小明，男") == "姓名：王**，男")
        #expect(redact("联系人于小红反映") == "联系人于**反映", "于 is a surname, not a stop, at the start")
        #expect(redact("市民李四来电反映噪音") == "市民李*来电反映噪音")
        #expect(redact("反映人欧阳娜娜称") == "反映人欧***称")
        #expect(redact("投诉人（赵六）") == "投诉人（赵*）")
        #expect(redact("市民反映路灯不亮") == "市民反映路灯不亮", "no name after the cue")
        #expect(redact("市民中心门口积水") == "市民中心门口积水")
        #expect(redact("来电人张先生") == "来电人张先生", "a surname and a title identify no one")
        #expect(kinds("来电人张三丰") == [.name])
    }

    @Test func doorDetailsAreDroppedAndTheRoadKept() {
        #expect(redact("住幸福路18号3栋502室") == "住幸福路***")
        #expect(redact("幸福小区3栋2单元501室漏水") == "幸福小区***漏水")
        #expect(redact("阳光花园A座1201噪音") == "阳光花园***噪音")
        #expect(redact("书院路12号门前积水") == "书院路***门前积水")
        #expect(redact("3-2-501住户") == "***住户")
        #expect(redact("三单元楼道灯坏") == "***楼道灯坏")
        #expect(redact("东方村5组18号") == "东方村5组***")
        #expect(kinds("18号3栋502室") == [.door])
    }

    @Test func ordinaryTextStaysReadable() {
        for text in [
            "路灯不亮已三天，影响夜间出行", "11月25号下午处理完毕", "2026-11-25 10:30 已完成维修", "乘坐3号线到站", "按12号文件执行",
            "两室一厅出租", "在5楼楼道", "共3人受伤", "第18号井盖",
        ] {
            #expect(redact(text) == text, "\(text)")
        }
    }

    @Test func preciseCoordinatesInTextAreHidden() {
        #expect(redact("坐标28.4545,117.9433") == "坐标28.4545,***.****", "seven digits and more are starred whatever they are")
    }

    @Test func emailsAndLongNumbers() {
        #expect(redact("邮箱zhangsf@example.com，") == "邮箱*******@***********，")
        #expect(redact("编号12345678901234567890123") == "编号***********************")
    }

    @Test func everyFindingIsHiddenAndNothingElseChanges() {
        let text = "来电人张三丰（身份证36110219900307123X），电话0793-1234567或13807930001，住幸福路18号3栋502室，2026-11-25反映"
        let redacted = redact(text)
        for secret in ["三丰", "36110219900307123X", "1234567", "13807930001", "18号", "3栋", "502室"] {
            #expect(!redacted.contains(secret), "\(secret)")
        }
        #expect(redacted.hasPrefix("来电人张**（身份证") && redacted.hasSuffix("住幸福路***，2026-11-25反映"))
    }

    @Test func coordinatesAreCoarsenedToAbout100Metres() {
        #expect(CoarseLocation.coarsen(28.454_512) == 28.455)
        #expect(CoarseLocation.coarsen(117.943_349) == 117.943)
        #expect(CoarseLocation.coarsen(-0.000_4) == 0)
    }
}
