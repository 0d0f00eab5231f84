// Hand-written texts for GB/T matters of classes 07 宣传广告, 08 施工管理, 09 街面秩序 and 10 其他.
import type { TextFamily } from "./texts-components.ts";

const F = (titles: string, descriptions: string): TextFamily => ({
  titles: titles.split("|"),
  descriptions: descriptions.split("|"),
});

export const MATTER_TEXTS_STREET: Record<string, TextFamily> = {
  // 07 宣传广告
  非法小广告: F(
    "{place}墙面小广告|{place}楼道内小广告|{landmark}电线杆上贴满小广告|{place}人行道喷涂办证广告",
    "{time}巡查发现{place}{landmark}旁墙面张贴大量开锁、疏通、办证类小广告,影响市容。|{place}单元楼道内张贴和喷涂小广告二十余处,已组织志愿者清理。|{landmark}附近电线杆和变电箱上贴满小广告,已拍照上报并清理。|{place}人行道上喷涂有办证电话号码,需清理并追查。",
  ),
  街头散发广告: F(
    "{place}街头散发传单|{place}车窗插放广告卡片|{landmark}拦截行人发放广告",
    "{time}巡查发现{place}{landmark}旁有人向过往行人散发健身房宣传单,地面传单散落。|{place}停放车辆的车窗上被插满广告卡片。|{landmark}附近有人拦截行人发放楼盘广告,已劝离。",
  ),
  违规户外广告: F(
    "{place}擅自设置落地广告牌|{place}楼顶广告牌未审批|{landmark}条幅广告横跨道路",
    "{time}巡查发现{place}{landmark}旁商户擅自在人行道上设置落地广告牌,占用通道。|{place}楼顶新设置大型广告牌,未见审批手续,存在安全隐患。|{landmark}附近擅自悬挂条幅广告,横跨道路。",
  ),
  广告语言文字不规范: F(
    "{place}广告谐音篡改成语|{place}店招使用错别字|{landmark}广告使用绝对化用语",
    "{time}巡查发现{place}{landmark}旁商铺广告使用谐音篡改成语,用字不规范。|{place}店面招牌存在错别字。|{landmark}附近户外广告夸大宣传,使用“最佳”“第一”等用语。",
  ),
  违规牌匾标识: F(
    "{place}牌匾超出门脸|{place}一店多牌|{landmark}牌匾安装不牢固",
    "{time}巡查发现{place}{landmark}旁商户设置的牌匾超出门脸宽度,且遮挡楼上窗户。|{place}一家店铺设置多块牌匾和灯箱,杂乱无序。|{landmark}附近新设牌匾未按规定备案,安装不牢固。",
  ),
  违规标语宣传品: F(
    "{place}过期横幅未撤|{place}外墙张贴商业标语|{landmark}护栏挂满宣传品",
    "{time}巡查发现{place}{landmark}旁悬挂过期宣传横幅,已破损。|{place}楼体外墙张贴商业宣传标语,未经审批。|{landmark}附近护栏上挂满各类宣传品,影响市容。",
  ),
  公益性宣传品缺损: F(
    "{place}公益展板损坏|{place}围挡公益广告破损|{landmark}文明宣传牌褪色",
    "{time}巡查发现{place}{landmark}旁公益宣传展板被风刮坏。|{place}围挡上的公益广告画面破损脱落。|{landmark}附近文明城市宣传牌褪色严重,需更换。",
  ),
  // 08 施工管理
  施工扰民: F(
    "{place}夜间施工扰民|{place}凌晨施工无许可|{landmark}破碎锤施工噪声大",
    "{time}居民反映{place}{landmark}旁工地夜间十点后仍在施工,打桩声和运输车辆噪声影响休息。|{place}工地凌晨两点进行混凝土浇筑,未见夜间施工许可公示。|{landmark}附近管线施工使用破碎锤,中午和夜间均不停工。",
  ),
  施工占道: F(
    "{place}围挡超范围占道|{place}施工材料堆放路面|{landmark}施工占道超期",
    "{time}巡查发现{place}{landmark}旁施工单位围挡超出审批范围,占用半幅人行道,行人只能走机动车道。|{place}施工材料堆放在道路上,未设置警示标志。|{landmark}附近施工占道期限已过,围挡仍未撤除。",
  ),
  无证掘路: F(
    "{place}擅自挖掘人行道|{place}掘路后未恢复|{landmark}有人破路接水管",
    "{time}巡查发现{place}{landmark}旁有施工队正在开挖人行道铺设管线,未能出示掘路许可。|{place}路面被开挖后简单回填,未恢复,已下沉。|{landmark}附近有人擅自破路接水管。",
  ),
  工地扬尘: F(
    "{place}工地裸土未覆盖|{place}工地未洒水降尘|{landmark}拆除作业扬尘",
    "{time}巡查发现{place}{landmark}旁工地裸露土方未覆盖防尘网,大风天扬尘严重。|{place}工地土方作业未采取洒水降尘措施,周边尘土飞扬。|{landmark}附近拆除作业现场未湿法作业,粉尘飘到居民区。",
  ),
  施工废弃料: F(
    "{place}施工废料倾倒路边|{place}施工废料未清运|{landmark}装修废料堆放绿化带",
    "{time}巡查发现{place}{landmark}旁施工单位将废弃混凝土块和砖头倾倒在路边。|{place}管线施工结束后废弃料堆放多日未清运。|{landmark}附近有装修废料堆放在绿化带内。",
  ),
  施工物料乱堆放: F(
    "{place}沙石料堆放围挡外|{place}钢筋堆放人行道|{landmark}施工物料侵占绿地",
    "{time}巡查发现{place}{landmark}旁施工沙石料堆放在围挡外,未覆盖。|{place}钢筋、模板堆放在人行道上,影响通行。|{landmark}附近施工物料堆放杂乱,侵占绿地。",
  ),
  施工工地围挡问题: F(
    "{place}工地围挡破损|{place}工地围挡倒伏|{landmark}工地未设围挡",
    "{time}巡查发现{place}{landmark}旁工地围挡多处破损,有倒塌危险。|{place}工地围挡被大风刮倒,已临时拉设警戒线。|{landmark}附近工地未设置连续封闭围挡。",
  ),
  施工工地道路未硬化: F(
    "{place}工地道路未硬化|{place}工地出入口泥泞|{landmark}工地场内道路扬尘",
    "{time}巡查发现{place}{landmark}旁工地主要道路未硬化,车辆进出带泥上路。|{place}工地出入口泥泞,雨后泥水流到市政道路。|{landmark}附近工地场内道路未硬化,扬尘较大。",
  ),
  施工工地出入口道路破损: F(
    "{place}工地出入口路面压坏|{place}工地门前路缘石压碎|{landmark}工地出入口积水",
    "{time}巡查发现{place}{landmark}旁工地出入口路面被重型车辆压坏,形成坑洼。|{place}工地门前路缘石和人行道砖被压碎。|{landmark}附近工地出入口路面破损积水。",
  ),
  施工完成后未场光地净: F(
    "{place}施工后残土未清|{place}路面修补后废料未清|{landmark}绿化施工后场地未恢复",
    "{time}巡查发现{place}{landmark}旁管线施工已结束,现场仍遗留残土和围挡。|{place}路面修补后废料未清理。|{landmark}附近绿化施工完成后未恢复场地。",
  ),
  渣土运输车辆未安装密闭装置: F(
    "{place}渣土车未苫盖|{place}渣土车未密闭|{landmark}渣土车装载过满",
    "{time}巡查发现{place}{landmark}路段渣土运输车未苫盖,沿途遗撒。|{place}有渣土车未安装密闭装置,夜间频繁通行。|{landmark}附近渣土车装载过满,车顶土方外露。",
  ),
  施工工地车轮夹带: F(
    "{place}工地车辆带泥上路|{place}工地冲洗设施未启用|{landmark}道路被工地泥土污染",
    "{time}巡查发现{place}{landmark}旁工地出场车辆未冲洗,车轮带泥上路,路面污染约100米。|{place}工地冲洗设施未启用。|{landmark}附近道路被工地车辆带出的泥土污染。",
  ),
  违规高空悬吊作业: F(
    "{place}高空悬吊作业无安全绳|{place}外墙清洗防护不到位|{landmark}高空作业未设警戒",
    "{time}巡查发现{place}{landmark}旁有人在外墙进行高空悬吊作业,未系安全绳,下方未设警戒区。|{place}楼体外墙清洗作业人员防护不到位。|{landmark}附近空调安装人员在高层外墙作业,地面行人经过存在坠物风险。",
  ),
  预埋件设施裸露: F(
    "{place}地脚螺栓外露|{place}路面钢筋头外露|{landmark}广告牌预埋件未切除",
    "{time}巡查发现{place}{landmark}旁人行道上有拆除后遗留的地脚螺栓外露,容易绊倒行人。|{place}路面钢筋头外露。|{landmark}附近广告牌拆除后预埋件未切除。",
  ),
  施工公示牌污损: F(
    "{place}施工公示牌污损|{landmark}施工公示牌缺失|{place}公示牌信息不全",
    "{time}巡查发现{place}{landmark}旁工地施工公示牌污损,内容看不清。|{place}施工现场未设置公示牌。|{landmark}附近公示牌缺少施工许可和监督电话信息。",
  ),
  无证建设: F(
    "{place}无证建设两层建筑|{place}承包地上违规建厂房|{landmark}单位擅自加建",
    "{time}巡查发现{place}{landmark}旁正在建设一栋两层建筑,未见规划许可公示。|{place}村民在承包地上建设厂房,未办理审批手续。|{landmark}附近有单位擅自加建,已劝阻并上报。",
  ),
  // 09 街面秩序
  无照经营游商: F(
    "{place}三轮车流动售卖水果|{landmark}游商兜售早餐|{place}地摊售卖小商品",
    "{time}巡查发现{place}{landmark}旁有流动商贩推三轮车售卖水果,无营业执照,占用人行道。|{place}早高峰时段有多名游商在路口兜售早餐。|{landmark}附近有人摆地摊售卖小商品,已劝离。",
  ),
  "早（夜）市管理问题": F(
    "{place}早市散市后卫生差|{landmark}夜市超时经营|{place}早市占道超范围",
    "{time}巡查发现{place}早市散市后摊位垃圾未清理,路面脏乱。|{landmark}附近夜市经营至深夜,噪声和油烟扰民。|{place}早市摊位超出划定范围,占用机动车道。",
  ),
  流浪乞讨: F(
    "{landmark}有人露宿|{place}路口拦车乞讨|{landmark}老人长期流浪",
    "{time}巡查发现{landmark}有一名流浪人员露宿,衣着单薄,精神状态不佳,需救助站接回。|{place}路口有乞讨人员拦车乞讨,存在安全隐患。|{landmark}附近有一名老人长期在此流浪,已联系救助。",
  ),
  废品收购乱象: F(
    "{place}废品收购点占道|{place}废品站噪声扰民|{landmark}废品站纸壳堆积",
    "{time}巡查发现{place}{landmark}旁废品收购点将废品堆放到人行道上,杂乱无序。|{place}废品站打包机噪声大,清晨开始作业。|{landmark}附近废品收购站堆放大量纸壳,存在火灾隐患。",
  ),
  店外经营: F(
    "{place}水果店店外经营|{place}商户门前摆放商品|{landmark}饭店门外摆桌|{place}汽修店占道修车",
    "{time}巡查发现{place}{landmark}旁水果店将货架摆到门外人行道上经营,占道约6平方米。|{place}多家商户门前摆放商品和展架,行人只能绕行。|{landmark}附近饭店在门外摆放桌椅经营。|{place}汽修店在门前人行道上修车,地面油污严重。",
  ),
  占道经营: F(
    "{place}马路市场占道经营|{place}路边摆摊占道|{landmark}小吃摊占道经营|{place}早市外溢占道|{place}占道经营反复出现",
    "{time}巡查发现{place}{landmark}旁有十余个摊位占用人行道和部分机动车道经营蔬菜水果,交通拥堵。|{place}路边有商贩摆摊售卖,占道约20米,行人被迫走机动车道。|{landmark}附近学生放学时段小吃摊占道经营,存在安全隐患。|{place}早市摊位延伸至道路中间,车辆无法通行。|居民反映{place}占道经营问题反复出现,{time}现场核实仍有摊点。",
  ),
  非法出版物销售: F(
    "{place}地摊售卖盗版书|{place}兜售不明刊物|{landmark}摊点售卖盗版教辅",
    "{time}巡查发现{place}{landmark}旁地摊售卖盗版书籍和光盘。|{place}有人兜售来历不明的刊物。|{landmark}附近摊点销售疑似盗版教辅资料。",
  ),
  机动车乱停放: F(
    "{place}机动车占用人行道|{place}路口违停堵塞交通|{landmark}车辆违停公交站|{place}小区出入口车辆乱停",
    "{time}巡查发现{place}{landmark}旁人行道上停放十余辆机动车,行人无法通行。|{place}路口有车辆违停,造成交通拥堵。|{landmark}附近车辆停放在公交站台处,影响公交进站。|{place}小区出入口有车辆长期乱停,救护车、消防车无法进入。",
  ),
  非机动车乱停放: F(
    "{place}非机动车乱停放|{place}公交站附近电动车乱停|{landmark}电动车停放在盲道上",
    "{time}巡查发现{place}{landmark}旁电动车、自行车停放杂乱,占满人行道。|{place}公交站附近电动车乱停乱放,行人无法通过。|{landmark}附近电动车停放在盲道上。",
  ),
  共享单车乱象: F(
    "{place}共享单车堆积|{place}损坏单车无人回收|{landmark}共享单车停在机动车道",
    "{time}巡查发现{place}{landmark}旁共享单车大量堆积,占用人行道。|{place}有多辆损坏的共享单车倒在路边,无人回收。|{landmark}附近共享单车停放在机动车道上。",
  ),
  占用消防通道: F(
    "{place}车辆占用消防通道|{landmark}消防通道被堆物|{place}消防通道私设地锁",
    "{time}巡查发现{place}小区消防通道上停放多辆私家车,消防车无法通行。|{landmark}附近消防通道被商户堆放杂物堵塞。|{place}楼间消防通道被私设地锁占用,已联系车主挪车。",
  ),
  临街屠宰: F(
    "{place}门前宰杀活禽|{place}路边宰杀家畜|{landmark}市场外临街屠宰",
    "{time}巡查发现{place}{landmark}旁商户在门前宰杀活禽,血水和羽毛满地。|{place}路边有人宰杀家畜,影响卫生。|{landmark}附近市场外有商户临街屠宰。",
  ),
  畜力车进城: F(
    "{place}马车上路行驶|{place}驴车进城|{landmark}畜力车停放占道",
    "{time}巡查发现{place}{landmark}路段有马车在机动车道上行驶,影响交通安全。|{place}有驴车拉货进入城区,沿途遗留粪便。|{landmark}附近有畜力车停放占道。",
  ),
  无证餐饮: F(
    "{place}小吃店无证经营|{place}居民楼内无证餐馆|{landmark}流动小吃摊无证",
    "{time}巡查发现{place}{landmark}旁一家小吃店未悬挂营业执照和食品经营许可证。|{place}居民楼一楼住宅内开设餐馆,无相关证照。|{landmark}附近流动小吃摊无证经营,卫生条件差。",
  ),
  违规设置停车场: F(
    "{place}空地私设收费停车场|{place}人行道私画收费车位|{landmark}绿地私设停车场",
    "{time}巡查发现{place}{landmark}旁空地被人圈起来收费停车,未见备案手续。|{place}人行道被私自画线设为收费停车位。|{landmark}附近有人在绿地上私设停车场。",
  ),
  违规占用桥下空间: F(
    "{landmark}桥下堆放杂物|{landmark}桥下私搭简易房|{landmark}桥下停车经营",
    "{time}巡查发现{landmark}桥下空间被人堆放大量杂物,存在火灾隐患。|{place}桥下有人私搭简易房居住。|{landmark}桥下被占用停放车辆和经营。",
  ),
  "履带车（铁轮车）违规上路行驶": F(
    "{place}挖掘机履带上路|{place}铁轮车上路|{landmark}履带车压坏路面",
    "{time}巡查发现{place}{landmark}路段有履带式挖掘机直接在路面上行驶,路面被压出痕迹。|{place}有铁轮车辆上路,路面受损。|{landmark}附近工程车辆履带行驶损坏沥青路面。",
  ),
  占用无障碍通道: F(
    "{place}无障碍坡道被车辆堵塞|{place}无障碍通道堆放商品|{landmark}盲道被自行车占用",
    "{time}巡查发现{place}{landmark}旁无障碍坡道被车辆停放堵塞,轮椅无法通行。|{place}无障碍通道上堆放商品。|{landmark}附近盲道被自行车占用。",
  ),
  农贸市场秩序问题: F(
    "{place}农贸市场外溢经营|{landmark}市场内卫生差|{place}市场内短斤少两",
    "{time}巡查发现{place}农贸市场商户将摊位外溢到市场外道路上。|{landmark}附近市场内污水横流,垃圾未及时清理。|{place}农贸市场内有商贩短斤少两,群众意见较大。",
  ),
  占道洗车: F(
    "{place}洗车店占道洗车|{place}洗车污水路面结冰|{landmark}路边洗车",
    "{time}巡查发现{place}{landmark}旁洗车店在人行道上洗车,污水横流。|{place}洗车店冬季占道洗车,路面结冰,行人易滑倒。|{landmark}附近有人在路边洗车。",
  ),
  占道促销宣传: F(
    "{place}占道搭台促销|{place}占用人行道摆展台|{landmark}楼盘占道宣传",
    "{time}巡查发现{place}{landmark}旁商户在人行道上搭建舞台搞促销,音响声音较大。|{place}有商家占用人行道摆放展台宣传。|{landmark}附近楼盘销售人员占道发放宣传品。",
  ),
  // 10 其他事项
  "道路积雪、结冰": F(
    "{place}道路积雪未清|{place}人行道积雪成冰|{landmark}坡道结冰打滑|{place}门前积雪未清扫",
    "{time}巡查发现{place}{landmark}路段积雪未清理,已被踩实结冰,行人滑倒多人。|{place}人行道积雪成冰,老人出行困难,请尽快清除。|{landmark}附近坡道结冰严重,车辆上坡打滑。|{place}门前三包责任区积雪未清扫,已通知商户。",
  ),
  架空线缆脱落: F(
    "{place}通信线缆脱落|{place}架空线缆下垂|{landmark}线缆被风刮断",
    "{time}巡查发现{place}{landmark}旁一根通信线缆脱落垂至路面,车辆通过时容易挂住。|{place}架空线缆下垂,高度不足2米,存在安全隐患。|{landmark}附近线缆被大风刮断,散落在人行道上。",
  ),
};
