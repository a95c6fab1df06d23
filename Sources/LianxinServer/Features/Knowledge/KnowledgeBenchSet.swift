/// The benchmark's real-style entries and, for each, how a caller might ask for it on the phone (spoken, with filler
/// words, rarely in the entry's own words). Written for `lianxin knowledge bench`; not used by the product.
enum KnowledgeBenchSet {
    struct Item {
        let question: String
        let keywords: String
        let answer: String
        /// What the caller says.
        let spoken: String
    }

    static let items: [Item] = [
        Item(question: "异地就医备案如何办理", keywords: "医保异地备案, 异地就医, 外地看病", answer: "通过国家医保服务平台App或到区医保窗口办理备案，备案后就医地直接结算。", spoken: "请问一下医保异地备案怎么弄啊"),
        Item(question: "医保卡丢失如何补办", keywords: "社保卡挂失, 医保卡补卡", answer: "携带身份证到合作银行网点或社保窗口挂失补办。", spoken: "我医保卡丢了咋办"),
        Item(question: "城乡居民医保缴费时间和方式", keywords: "医保缴费, 交医保, 居民医保", answer: "每年9月至12月集中缴费，可通过微信、支付宝、银行App缴纳。", spoken: "今年的居民医保什么时候交"),
        Item(question: "灵活就业人员如何缴纳养老保险", keywords: "个人交社保, 灵活就业社保", answer: "到户籍或居住地社保经办机构登记后按月或按年缴费。", spoken: "我没单位想自己交社保怎么交"),
        Item(question: "住房公积金提取条件", keywords: "公积金提取, 取公积金", answer: "购房、租房、退休、离职等情形可申请提取，线上可通过公积金App办理。", spoken: "公积金能取出来吗需要什么条件"),
        Item(question: "公积金贷款申请流程", keywords: "公积金贷款, 买房贷款", answer: "签订购房合同后向公积金中心或受托银行提交贷款申请。", spoken: "买房想用公积金贷款怎么申请"),
        Item(question: "身份证过期如何换领", keywords: "换身份证, 身份证到期", answer: "到户籍所在地或居住地派出所户籍窗口办理，可异地换领。", spoken: "我身份证到期了去哪里换"),
        Item(question: "新生儿户口登记办理", keywords: "小孩上户口, 新生儿落户", answer: "持出生医学证明、父母户口簿和身份证到派出所办理。", spoken: "孩子刚出生上户口要带啥"),
        Item(question: "居住证申领条件和材料", keywords: "办居住证, 暂住证", answer: "在居住地居住半年以上，持身份证和居住证明到派出所申领。", spoken: "外地人办居住证要什么"),
        Item(question: "驾驶证到期换证办理", keywords: "驾照换证, 驾照过期", answer: "有效期满前90日内通过交管12123或车管所办理换证。", spoken: "驾照快到期了怎么换"),
        Item(question: "申请最低生活保障需要哪些材料", keywords: "低保申请, 困难补助", answer: "携带户口簿、身份证、家庭收入证明到乡镇（街道）社会救助窗口申请。", spoken: "我想了解一下申请低保需要什么材料"),
        Item(question: "高龄老人补贴如何申领", keywords: "高龄津贴, 老人补贴", answer: "80周岁以上老人持身份证到社区登记，按月发放。", spoken: "我家老人八十多了有没有补贴"),
        Item(question: "残疾证办理流程", keywords: "办残疾证, 残疾评定", answer: "到户籍地残联申请，经指定医院评定后核发。", spoken: "残疾证在哪里办"),
        Item(question: "城区路灯不亮报修", keywords: "路灯坏了, 路灯不亮", answer: "城区道路路灯由城管局路灯所维修，一般两个工作日内修复。", spoken: "我家门口路灯不亮了找谁"),
        Item(question: "窨井盖缺失或破损报修", keywords: "井盖丢了, 井盖坏了", answer: "请提供具体位置，由市政养护单位当日设置围挡并更换。", spoken: "路上井盖没了好危险"),
        Item(question: "居民区停水原因查询", keywords: "停水, 没水, 自来水", answer: "可拨打供水公司热线查询计划停水信息，突发停水两小时内恢复。", spoken: "我们小区怎么又停水了"),
        Item(question: "家中停电报修", keywords: "停电, 没电, 断电", answer: "请拨打95598供电服务热线报修，抢修人员将尽快到场。", spoken: "家里突然没电了"),
        Item(question: "燃气泄漏紧急处理", keywords: "煤气泄漏, 燃气味道", answer: "立即关闭阀门、开窗通风、不要开关电器，到室外拨打燃气公司抢险电话。", spoken: "家里有一股煤气味怎么办"),
        Item(question: "冬季集中供暖时间", keywords: "暖气, 供暖开始", answer: "集中供暖时间为每年11月15日至次年3月15日。", spoken: "暖气什么时候开始供"),
        Item(question: "夜间施工噪音投诉", keywords: "工地噪音, 晚上施工, 施工扰民", answer: "夜间22时至次日6时禁止产生噪声的施工，可向生态环境部门反映。", spoken: "晚上工地还在施工吵得睡不着"),
        Item(question: "广场舞噪音扰民", keywords: "广场舞太吵, 音响扰民", answer: "由属地街道和公安机关协调，限定时间和音量。", spoken: "楼下跳广场舞声音太大了"),
        Item(question: "生活垃圾清运不及时", keywords: "垃圾没人收, 垃圾堆积", answer: "由环卫部门安排清运，一般当日处理。", spoken: "小区垃圾好几天没人拉了"),
        Item(question: "占道经营投诉", keywords: "摆摊占道, 流动摊贩", answer: "由城管部门依法处理，保持道路畅通。", spoken: "门口有人摆摊把路都堵了"),
        Item(question: "违章搭建举报", keywords: "违建, 私搭乱建", answer: "由属地城管或综合执法部门核查处置。", spoken: "邻居在楼顶搭了个棚子"),
        Item(question: "物业服务纠纷处理", keywords: "物业不作为, 物业费", answer: "可向街道、社区或住建部门反映，由其督促物业整改。", spoken: "物业收了钱什么都不管"),
        Item(question: "电梯故障困人求助", keywords: "电梯坏了, 困电梯", answer: "立即拨打电梯内救援电话或119，维保单位30分钟内到场。", spoken: "电梯坏了有人困在里面"),
        Item(question: "义务教育新生入学报名", keywords: "小学报名, 孩子上学, 入学", answer: "每年6月通过教育局招生平台网上报名，按学区划片入学。", spoken: "孩子今年上一年级怎么报名"),
        Item(question: "校外培训机构退费投诉", keywords: "培训班退费, 退学费", answer: "可向教育部门或市场监管部门投诉，保留合同和付款凭证。", spoken: "培训班不给退钱"),
        Item(question: "新冠及流感疫苗接种地点", keywords: "打疫苗, 接种点", answer: "可到就近社区卫生服务中心预防接种门诊接种。", spoken: "哪里可以打流感疫苗"),
        Item(question: "拖欠工资如何维权", keywords: "讨薪, 欠薪, 老板不给工资", answer: "可向人社局劳动保障监察机构投诉或申请劳动仲裁。", spoken: "老板拖欠工资不给怎么办"),
        Item(question: "失业保险金申领", keywords: "失业金, 领失业补助", answer: "非本人意愿中断就业且缴费满一年，可线上或到人社窗口申领。", spoken: "我失业了能领失业金吗"),
        Item(question: "营业执照办理", keywords: "注册公司, 开店执照, 个体户", answer: "通过政务服务网或市场监管窗口申请，一般三个工作日内办结。", spoken: "开个小店要办执照去哪办"),
        Item(question: "食品安全问题投诉", keywords: "买到过期食品, 食品变质", answer: "保留购物凭证和实物，向市场监管部门投诉举报。", spoken: "超市买的东西过期了"),
        Item(question: "不动产登记办理", keywords: "房产证, 办房本", answer: "到不动产登记中心窗口办理，网签后可预约。", spoken: "买的房子房产证怎么办"),
        Item(question: "结婚登记需要的材料", keywords: "领结婚证, 结婚登记", answer: "双方持身份证、户口簿到民政局婚姻登记处办理，可全国通办。", spoken: "领结婚证要带什么"),
        Item(question: "退役军人优待证申领", keywords: "优待证, 退伍军人", answer: "通过退役军人事务部门或社区服务站申领。", spoken: "退伍军人的优待证怎么申请"),
        Item(question: "公交线路和时刻查询", keywords: "坐公交, 公交车几点", answer: "可通过公交集团App或车站站牌查询线路和首末班时间。", spoken: "到火车站坐几路公交"),
        Item(question: "出租车拒载投诉", keywords: "出租车不载客, 打车被拒", answer: "记录车牌号和时间，向交通运输部门投诉。", spoken: "出租车司机不拉我"),
        Item(question: "犬只登记和养犬管理", keywords: "养狗, 狗证, 遛狗不牵绳", answer: "到公安机关养犬登记点办理犬证，出户须牵绳。", spoken: "楼下有人遛狗不拴绳"),
        Item(question: "个人所得税年度汇算", keywords: "个税退税, 个税汇算", answer: "每年3月1日至6月30日通过个人所得税App办理。", spoken: "个税退税在哪弄"),
    ]

    /// Words for the generated entries around the real ones: the same subjects in other places and other aspects.
    static let topics = [
        "医保", "社保", "公积金", "户籍", "身份证", "驾驶证", "出入境", "低保", "养老保险", "供水", "供电", "燃气", "路灯", "噪音",
        "垃圾", "物业", "停车", "交通", "学校", "入学", "疫苗", "医院", "税务", "发票", "营业执照", "不动产", "拆迁", "劳动仲裁",
        "工资", "失业金", "就业", "职业培训", "残疾证", "老年卡", "公交卡", "占道", "违建", "消防", "食品安全", "药品", "价格",
        "快递", "网约车", "出租车", "宠物", "绿化", "排水", "井盖", "供暖", "电梯", "装修", "租房", "居住证", "结婚登记", "生育",
        "医疗救助", "优抚", "退役军人", "农村宅基地", "殡葬",
    ]
    static let aspects = [
        "如何办理", "需要哪些材料", "办理地点在哪里", "收费标准是多少", "办理时限多长", "可以网上办理吗", "咨询电话是多少",
        "政策依据是什么", "有哪些条件", "怎么投诉",
    ]
    static let places = [
        "信州区", "广丰区", "广信区", "玉山县", "铅山县", "横峰县", "弋阳县", "余干县", "鄱阳县", "万年县", "婺源县", "德兴市",
        "上饶经开区", "高铁新区",
    ]
}
