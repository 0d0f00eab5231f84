// Text families for GB/T components (管理部件) and their mirrored "…异常" matters. `{obj}` is
// replaced at build time by the object's name; {place}, {landmark}, {time} stay for run time.
// Voice: a grid worker's patrol report (网格员上报), now and then a passer-by's report.

export interface TextFamily {
  titles: string[];
  descriptions: string[];
}

const F = (titles: string, descriptions: string): TextFamily => ({
  titles: titles.split("|"),
  descriptions: descriptions.split("|"),
});

export const COMPONENT_FAMILIES: Record<string, TextFamily> = {
  cover: F(
    "{place}{obj}缺失|{place}{obj}破损|{landmark}{obj}移位|{place}{obj}松动异响|{landmark}{obj}下沉不平",
    "{time}巡查发现{place}{landmark}旁一处{obj}缺失,井口裸露,已用路障临时围挡,请权属单位尽快补装。|{place}人行道上{obj}破损开裂,行人踩踏有塌陷危险,现场已设置警示。|{landmark}附近{obj}移位,井口露出一条缝隙,车辆经过时颠簸明显,存在安全隐患。|{time}有居民反映{place}{obj}松动,车辆碾压时发出很大响声,夜间影响休息,经核实属实。|{place}{landmark}处{obj}比路面低约5厘米,雨天积水,电动车经过容易摔倒。",
  ),
  lamp: F(
    "{place}{obj}不亮|{place}{obj}白天常亮|{landmark}{obj}灯罩脱落|{place}{obj}时亮时灭|{place}{obj}灯具损坏",
    "{time}巡查发现{place}{landmark}附近连续3盏{obj}夜间不亮,路段漆黑,居民出行不便。|{place}{obj}白天一直亮着,浪费电能,请维护单位检修控制设备。|{landmark}旁{obj}灯罩破损脱落一半,随时可能坠落伤人,已拉警戒线。|居民反映{place}{obj}时亮时灭,{time}现场核实属实,疑似线路接触不良。|{place}一处{obj}灯具被撞损坏,底座松动,线路外露,存在漏电风险。",
  ),
  pole: F(
    "{place}{obj}倾斜|{place}{obj}底座锈蚀|{landmark}{obj}被撞损坏|{place}{obj}上乱贴广告",
    "{time}巡查发现{place}{landmark}旁{obj}明显倾斜,有倒伏危险,请权属单位处理。|{place}{obj}根部锈蚀严重,螺栓松动,大风天晃动明显。|{landmark}附近{obj}被车辆撞歪,杆体变形,现场已设置警示。|{place}{obj}杆体上贴满小广告,影响市容,需清理并查明权属单位。",
  ),
  box: F(
    "{place}{obj}箱门敞开|{place}{obj}破损|{landmark}{obj}线缆外露|{place}{obj}故障",
    "{time}巡查发现{place}{landmark}旁{obj}箱门敞开,内部线路裸露,附近有儿童玩耍,存在触电隐患。|{place}{obj}外壳破损变形,锁具损坏,需权属单位维修。|{landmark}附近{obj}底部线缆外露,雨天有漏电危险,已设置警示。|居民反映{place}{obj}{time}无法正常使用,现场核实屏幕黑屏,请维护单位检修。",
  ),
  kiosk: F(
    "{place}{obj}破损|{place}{obj}废弃闲置|{landmark}{obj}污损严重|{place}{obj}门锁损坏",
    "{time}巡查发现{place}{landmark}旁{obj}顶棚破损,门窗玻璃碎裂,影响市容且有划伤隐患。|{place}{obj}长期废弃闲置,周边堆放杂物,请权属单位处理。|{landmark}附近{obj}外立面被乱涂乱画,锈迹斑斑,需维护或拆除。|{place}{obj}门锁损坏,内部被人堆放杂物,存在消防隐患。",
  ),
  water: F(
    "{place}{obj}漏水|{place}{obj}阀门损坏|{landmark}{obj}冒水|{place}{obj}冻裂",
    "{time}巡查发现{place}{landmark}旁{obj}漏水,路面大面积湿滑,请权属单位抢修。|{place}{obj}损坏,阀门无法关闭,水流到人行道上。|{landmark}附近{obj}冒水已有半天,周边形成积水。|{place}{obj}冬季冻裂,周边结冰,行人容易滑倒,已设置警示。",
  ),
  drain: F(
    "{place}{obj}堵塞|{place}{obj}损坏|{landmark}{obj}被杂物封堵|{place}{obj}散发异味",
    "{time}巡查发现{place}{landmark}附近{obj}堵塞,雨后路面积水约20厘米,车辆通行困难。|{place}{obj}损坏,排水不畅,污水外溢,气味难闻。|{landmark}旁{obj}被杂物封堵,下雨时周边商户门前积水倒灌。|居民反映{place}{obj}{time}散发恶臭,现场核实有污水漫溢。",
  ),
  pipe: F(
    "{place}{obj}疑似泄漏|{place}{obj}保温层破损|{landmark}{obj}锈蚀|{place}{obj}冒气",
    "{time}巡查发现{place}{landmark}旁{obj}有异味,疑似泄漏,已疏散周边人员并通知权属单位。|{place}{obj}保温层大面积破损脱落,管体裸露。|{landmark}附近{obj}锈蚀严重,支架松动,存在安全隐患。|{place}{obj}接口处冒白气,周边路面结冰,请尽快抢修。",
  ),
  sign: F(
    "{place}{obj}倾斜|{place}{obj}缺失|{landmark}{obj}字迹模糊|{place}{obj}被遮挡",
    "{time}巡查发现{place}{landmark}旁{obj}倾斜,固定螺栓松动,有坠落危险。|{place}{obj}缺失,只剩立柱,请权属单位补装。|{landmark}附近{obj}褪色严重,字迹模糊无法辨认。|{place}{obj}被行道树枝叶遮挡,过往行人车辆看不清。",
  ),
  signal: F(
    "{place}{obj}故障|{place}{obj}显示异常|{landmark}{obj}黑屏|{place}{obj}时好时坏",
    "{time}巡查发现{place}{landmark}路口{obj}不工作,车辆行人通行混乱,存在安全隐患。|{place}{obj}显示异常,内容错乱,请维护单位检修。|{landmark}附近{obj}黑屏,已持续多日。|居民反映{place}{obj}时好时坏,{time}现场核实属实。",
  ),
  barrier: F(
    "{place}{obj}损坏|{place}{obj}倒伏|{landmark}{obj}缺失|{place}{obj}变形",
    "{time}巡查发现{place}{landmark}旁{obj}被撞损坏,散落在路边,存在安全隐患。|{place}{obj}倒伏多处,未及时扶正。|{landmark}附近{obj}缺失一段,行人从缺口横穿马路。|{place}{obj}变形松动,需权属单位修复。",
  ),
  bridge: F(
    "{place}{obj}栏杆破损|{landmark}{obj}积水|{place}{obj}照明损坏|{landmark}{obj}渗水",
    "{time}巡查发现{place}{obj}栏杆破损,有坠落危险。|{landmark}{obj}雨后积水较深,行人无法通行。|{place}{obj}内照明灯大部分不亮,夜间行人经过存在安全隐患。|{landmark}附近{obj}顶部渗水,墙面有裂缝,请权属单位检查。",
  ),
  parking: F(
    "{place}{obj}损坏|{landmark}{obj}故障|{obj}设施破损|{place}{obj}无法使用",
    "{time}巡查发现{place}{landmark}旁{obj}设施损坏,影响正常使用。|{place}{obj}故障,无法正常使用,群众意见较大。|{landmark}附近{obj}破损,部分设施缺失,需权属单位维修。|{place}{obj}{time}起无法使用,现场查看设备断电,请运营单位检修。",
  ),
  transit: F(
    "{landmark}{obj}顶棚破损|{place}{obj}信息错误|{landmark}{obj}座椅损坏",
    "{time}巡查发现{place}{landmark}{obj}顶棚破损,雨天候车群众无处避雨。|{place}{obj}站牌线路信息未更新,与实际运行不符。|{landmark}附近{obj}座椅损坏,玻璃碎裂,存在划伤隐患。",
  ),
  toilet: F(
    "{place}{obj}卫生差|{landmark}{obj}设施损坏|{obj}未按时开放|{place}{obj}夜间无照明",
    "{time}巡查发现{place}{landmark}旁{obj}地面污水横流,异味大,保洁不到位。|{place}{obj}洗手池和冲水设备损坏,已不能正常使用。|居民反映{landmark}附近{obj}早上七点还未开门,影响晨练群众如厕。|{place}{obj}夜间照明灯损坏,如厕不便。",
  ),
  bin: F(
    "{place}{obj}破损|{landmark}{obj}缺失|{obj}满溢|{place}{obj}倾倒",
    "{time}巡查发现{place}{landmark}旁{obj}箱体破损,垃圾散落一地。|{place}{obj}缺失,周边居民随手丢弃垃圾。|{landmark}附近{obj}已满溢,未及时清运,异味明显。|{place}{obj}被大风刮倒,需扶正固定。",
  ),
  ad: F(
    "{place}{obj}破损|{landmark}{obj}脱落|{obj}有坠落隐患|{place}{obj}灯光不亮",
    "{time}巡查发现{place}{landmark}旁{obj}面板破损,边角翘起,大风天有坠落危险。|{place}{obj}部分字体脱落,影响市容。|{landmark}附近{obj}支架锈蚀松动,存在安全隐患,请责令设置单位整改。|{place}{obj}夜间灯光半亮不亮,残缺不全。",
  ),
  monitor: F(
    "{place}{obj}损坏|{place}{obj}黑屏|{landmark}{obj}被遮挡",
    "{time}巡查发现{place}{landmark}旁{obj}外壳损坏,设备裸露。|{place}{obj}显示屏黑屏,已多日未恢复。|{landmark}附近{obj}被杂物遮挡,影响正常监测。",
  ),
  tree: F(
    "{place}{obj}枯死|{landmark}{obj}倾斜|{obj}断枝悬挂|{place}{obj}缺株|{obj}遮挡路灯",
    "{time}巡查发现{place}{landmark}旁一棵{obj}已经枯死,树干空心,有倒伏危险。|{place}{obj}向马路一侧严重倾斜,根部土壤松动。|{landmark}附近{obj}有一根粗枝折断悬挂在半空,随时可能掉落砸伤行人车辆。|{place}{obj}缺株3处,树穴裸露。|居民反映{place}{obj}枝叶过密,遮挡路灯和居民窗户,请园林部门修剪。",
  ),
  oldtree: F(
    "{place}古树长势衰弱|{landmark}古树枝干开裂|{place}古树周边被硬化|古树保护牌缺失",
    "{time}巡查发现{place}{landmark}旁一棵挂牌古树叶片发黄,长势明显衰弱,请园林部门查看。|{place}古树主干出现裂缝,有枝干劈裂风险,需加固支撑。|{landmark}附近古树树冠投影范围内被铺设地砖,根系透气受影响。|{place}古树保护牌缺失,周边有人堆放杂物。",
  ),
  treepit: F(
    "{place}树池盖板缺失|{landmark}树穴裸土|{place}树池边石破损|{place}树池被硬化",
    "{time}巡查发现{place}{landmark}旁树池盖板缺失,树穴低于路面,行人容易踩空。|{place}树穴裸土未覆盖,刮风时扬尘。|{landmark}附近树池边石破损,碎块散落。|{place}树池被商户用水泥封死,影响树木生长。",
  ),
  green: F(
    "{place}{obj}损坏|{landmark}{obj}缺损|{obj}脏污|{place}{obj}需维护",
    "{time}巡查发现{place}{landmark}旁{obj}损坏,影响周边环境。|{place}{obj}缺损严重,无人维护。|{landmark}附近{obj}表面脏污,堆积落叶杂物。|{place}{obj}设施破旧,存在划伤隐患,请园林部门维护。",
  ),
  fitness: F(
    "{place}{obj}损坏|{landmark}{obj}零件缺失|{place}{obj}锈蚀松动|{place}{obj}损坏停用",
    "{time}巡查发现{place}{landmark}{obj}有两件器材损坏,老人锻炼时容易受伤。|{place}{obj}转轮零件缺失,已无法使用。|{landmark}附近{obj}锈蚀严重,螺丝松动,存在安全隐患。|居民反映{place}{obj}损坏已有一段时间,{time}现场核实属实,已贴停用提示。",
  ),
  elevator: F(
    "{place}{obj}停运|{place}{obj}困人|{landmark}{obj}运行异响",
    "{time}巡查发现{place}{obj}停运,老人上下楼困难。|居民反映{place}{obj}经常突然停在两层之间,{time}又发生一次困人。|{landmark}附近{obj}运行时有明显异响和抖动,请特种设备监管部门督促检修。",
  ),
  generic: F(
    "{place}{obj}损坏|{place}{obj}存在安全隐患|{landmark}{obj}设施老化",
    "{time}巡查发现{place}{landmark}旁{obj}损坏,影响正常使用。|{place}{obj}破损,存在安全隐患,请权属单位处理。|{landmark}附近{obj}设施老化,需维修。",
  ),
};

/** Object name → text family; first match wins. */
export const COMPONENT_FAMILY_RULES: [RegExp, string][] = [
  [/井盖|雨水箅子|沟槽盖板/u, "cover"],
  [/路灯$|地灯|景观灯/u, "lamp"],
  [/立杆|旗杆|综合杆|高压线铁塔/u, "pole"],
  [/燃气管道|供热管道|跨河管道|输油/u, "pipe"],
  [/配电箱|变压器|交接箱|调压站|电力设施$|充电桩|自助缴费机|快递柜|自动售货机|通信基站/u, "box"],
  [/报刊亭|电话亭|信息亭|售货亭|休息亭|治安岗亭|交通岗亭|垃圾间|环卫工具间|牌楼/u, "kiosk"],
  [/水井|供水器|水塔|水鹤|消防设施/u, "water"],
  [/排水泵站|雨污水排放口|防蚊闸|化粪池/u, "drain"],
  [/户外广告|牌匾/u, "ad"],
  [/牌|标志|标识|宣传栏|公示牌/u, "sign"],
  [/信号灯|信号设施|显示屏|电子眼|报警点/u, "signal"],
  [/护栏|防撞桶|隔离体|便道桩|人行横道桩|安全岛|减速带|隔音屏|护树设施|反视镜|无障碍/u, "barrier"],
  [/天桥|地下通道|立交桥|跨河桥|铁路桥涵|栈桥|公路隧道|防汛墙|综合管廊/u, "bridge"],
  [/停车|车库|自行车|存车|非机动车/u, "parking"],
  [/公交|出租车|轨道交通|铁道口|港监/u, "transit"],
  [/公共厕所/u, "toilet"],
  [/垃圾箱|拾便|烟头|回收箱/u, "bin"],
  [/监测/u, "monitor"],
  [/古树名木/u, "oldtree"],
  [/树池/u, "treepit"],
  [/树$/u, "tree"],
  [/绿地|花架|雕塑|座椅|喷泉|挂箱|林地/u, "green"],
  [/健身/u, "fitness"],
  [/电梯/u, "elevator"],
];

export function componentFamily(objectName: string): string {
  for (const [re, family] of COMPONENT_FAMILY_RULES) if (re.test(objectName)) return family;
  return "generic";
}
