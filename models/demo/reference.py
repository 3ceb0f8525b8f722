"""The fixed cast of the demo: sites, vendors, ticket categories, teams and agents.

All names and phone numbers are fictional. Bilingual labels are written
"中文 / English", as a bilingual export would carry them. The demo's local time is
China Standard Time (UTC+8, no daylight saving), which drives its seasonality.
"""

from __future__ import annotations

from dataclasses import dataclass

LOCAL_UTC_OFFSET_H = 8
"""Hours to add to UTC for the demo's local time (Asia/Shanghai has no DST)."""

DEMO_SOURCE = "demo"
"""``Ticket.source`` of every demo ticket; also how existing demo data is recognised."""

CHANNELS: tuple[str, ...] = ("phone", "email", "web", "chat", "wechat", "on-site")
CHANNEL_WEIGHTS: tuple[float, ...] = (0.30, 0.13, 0.17, 0.12, 0.22, 0.06)

PRIORITIES: tuple[str, ...] = ("P1", "P2", "P3", "P4")
PRIORITY_WEIGHTS: tuple[float, ...] = (0.05, 0.20, 0.55, 0.20)

# Service categories of vendors (Vendor.service_category).
CLEANING = "保洁 / Cleaning"
SECURITY = "安保 / Security"
IT_SUPPORT = "IT支持 / IT support"
LOGISTICS = "物流 / Logistics"
FACILITIES = "设施维护 / Facilities"
CATERING = "餐饮 / Catering"


@dataclass(frozen=True)
class Category:
    """A ticket category; listed by frequency rank (Zipf). ``complaint_factor`` scales
    the complaint share; ``service`` is the vendor service category that handles it."""

    name: str
    service: str | None
    complaint_factor: float
    titles: tuple[str, ...]


CATEGORIES: tuple[Category, ...] = (
    Category("保洁不到位 / Cleaning not done", CLEANING, 1.5,
             ("卫生间未及时清洁", "地面有污渍", "垃圾未清运")),
    Category("设备报修 / Equipment repair", FACILITIES, 0.5,
             ("打印机卡纸", "电梯异响", "门把手松动")),
    Category("网络故障 / Network outage", IT_SUPPORT, 0.6,
             ("会议室无法上网", "Wi-Fi 频繁掉线", "收银系统连不上网络")),
    Category("服务态度 / Staff attitude", None, 3.2,
             ("前台人员态度冷淡", "电话客服语气不耐烦", "现场人员未解释原因")),
    Category("空调故障 / Air conditioning fault", FACILITIES, 0.8,
             ("空调不制冷", "空调噪音大", "室内温度过高")),
    Category("配送延误 / Delivery delay", LOGISTICS, 1.5,
             ("物资未按时送达", "快递丢失", "配送地址错误")),
    Category("安保巡逻缺失 / Security patrol missed", SECURITY, 1.0,
             ("夜间未见巡逻", "停车场无人值守", "访客未登记")),
    Category("账单疑问 / Billing query", None, 1.2,
             ("发票金额有误", "重复扣费", "账单明细不清楚")),
    Category("餐品质量 / Food quality", CATERING, 2.0,
             ("菜品温度不够", "餐品有异物", "出餐太慢")),
    Category("照明故障 / Lighting fault", FACILITIES, 0.4,
             ("走廊灯不亮", "应急灯故障", "灯光闪烁")),
    Category("门禁故障 / Access control fault", SECURITY, 0.6,
             ("门禁卡无法刷开", "闸机故障", "访客系统无法登记")),
    Category("噪音扰民 / Noise disturbance", None, 2.5,
             ("装修噪音过大", "设备夜间噪音", "邻近商户音乐过响")),
)
ZIPF_EXPONENT = 1.1
"""Category *k* (1-based) has weight ``1 / k**ZIPF_EXPONENT``."""


@dataclass(frozen=True)
class Team:
    name: str
    agents: tuple[str, ...]


TEAM_DESK, TEAM_TECH, TEAM_FIELD, TEAM_COMPLAINTS = 0, 1, 2, 3
TEAMS: tuple[Team, ...] = (
    Team("一线服务台 / Service desk",
         ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴昊")),
    Team("二线技术支持 / Technical support", ("徐强", "孙丽", "马超", "朱琳", "胡斌")),
    Team("现场服务组 / Field service", ("郭涛", "何军", "高飞", "林峰", "罗刚")),
    Team("投诉处理组 / Complaints desk", ("梁晓红", "宋佳", "郑雪", "谢文")),
)

SURNAMES: tuple[str, ...] = (
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
)


@dataclass(frozen=True)
class SiteSpec:
    code: str
    name: str
    city: str
    address: str
    kind: str  # store | restaurant | hotel | office


SITES: tuple[SiteSpec, ...] = (
    SiteSpec("SH01", "上海徐汇旗舰店", "上海", "徐汇区漕溪北路 88 号", "store"),
    SiteSpec("SH02", "上海静安嘉里店", "上海", "静安区南京西路 1515 号", "store"),
    SiteSpec("SH03", "上海陆家嘴办公楼", "上海", "浦东新区世纪大道 100 号", "office"),
    SiteSpec("BJ01", "北京国贸店", "北京", "朝阳区建国门外大街 1 号", "store"),
    SiteSpec("BJ02", "北京望京餐厅", "北京", "朝阳区望京街 9 号", "restaurant"),
    SiteSpec("BJ03", "北京金融街酒店", "北京", "西城区金融大街 18 号", "hotel"),
    SiteSpec("GZ01", "广州天河城店", "广州", "天河区天河路 208 号", "store"),
    SiteSpec("GZ02", "广州珠江新城办公楼", "广州", "天河区珠江东路 6 号", "office"),
    SiteSpec("SZ01", "深圳南山科技园办公楼", "深圳", "南山区科苑路 15 号", "office"),
    SiteSpec("SZ02", "深圳福田餐厅", "深圳", "福田区福华三路 88 号", "restaurant"),
    SiteSpec("HZ01", "杭州西湖酒店", "杭州", "西湖区北山街 78 号", "hotel"),
    SiteSpec("HZ02", "杭州滨江店", "杭州", "滨江区江南大道 3850 号", "store"),
    SiteSpec("CD01", "成都春熙路店", "成都", "锦江区春熙路 8 号", "store"),
    SiteSpec("CD02", "成都高新餐厅", "成都", "高新区天府大道 1700 号", "restaurant"),
    SiteSpec("NJ01", "南京新街口店", "南京", "秦淮区中山南路 1 号", "store"),
    SiteSpec("WH01", "武汉光谷办公楼", "武汉", "洪山区珞喻路 766 号", "office"),
    SiteSpec("XA01", "西安钟楼酒店", "西安", "碑林区东大街 110 号", "hotel"),
    SiteSpec("SU01", "苏州工业园区店", "苏州", "工业园区苏州大道西 9 号", "store"),
    SiteSpec("CQ01", "重庆解放碑餐厅", "重庆", "渝中区民族路 166 号", "restaurant"),
    SiteSpec("TJ01", "天津滨海酒店", "天津", "滨海新区中心大道 5 号", "hotel"),
)

# Which extra vendor service categories a site of each kind tends to buy (besides cleaning).
SITE_KIND_SERVICES: dict[str, tuple[str, ...]] = {
    "store": (LOGISTICS, SECURITY, FACILITIES),
    "restaurant": (CATERING, FACILITIES, LOGISTICS),
    "hotel": (FACILITIES, SECURITY, CATERING),
    "office": (IT_SUPPORT, SECURITY, FACILITIES),
}


@dataclass(frozen=True)
class VendorSpec:
    """A demo vendor. ``quality`` ≥ 1 slows its work down (1.0 = as planned)."""

    code: str
    name: str
    service: str
    contact: str
    phone: str
    email: str
    quality: float
    probation: bool = False
    permit: tuple[str, str] | None = None  # (kind, prefix of the number)


VENDORS: tuple[VendorSpec, ...] = (
    VendorSpec("V001", "洁康保洁服务 / JieKang Cleaning Services", CLEANING,
               "周建国", "021-5555-0101", "service@jiekang.example.com", 0.95),
    VendorSpec("V002", "净源物业清洁 / PureSource Cleaning", CLEANING,
               "钱丽华", "010-5555-0102", "contact@puresource.example.com", 1.10),
    VendorSpec("V003", "盾卫安保集团 / ShieldGuard Security", SECURITY,
               "孙志强", "020-5555-0103", "ops@shieldguard.example.com", 0.90,
               permit=("security_permit", "保")),
    VendorSpec("V004", "云帆信息技术 / CloudSail IT Support", IT_SUPPORT,
               "李明轩", "0755-5555-0104", "support@cloudsail.example.com", 0.85),
    VendorSpec("V005", "速达物流 / SwiftReach Logistics", LOGISTICS,
               "吴海涛", "0571-5555-0105", "dispatch@swiftreach.example.com", 1.05,
               permit=("transport_permit", "运")),
    VendorSpec("V006", "恒固设施维护 / SolidBase Facilities", FACILITIES,
               "郑伟", "028-5555-0106", "fm@solidbase.example.com", 1.00),
    VendorSpec("V007", "安居机电工程 / HomeSafe M&E Engineering", FACILITIES,
               "冯国栋", "025-5555-0107", "repair@homesafe.example.com", 1.45,
               probation=True),
    VendorSpec("V008", "味鲜餐饮管理 / FreshTaste Catering", CATERING,
               "何美玲", "027-5555-0108", "kitchen@freshtaste.example.com", 1.15,
               permit=("food_permit", "JY")),
)
EXPIRED_LICENCE_VENDOR = "V007"
"""The vendor whose business licence has already expired (a scorecard veto)."""
EXPIRING_ISO_VENDOR = "V003"
"""The vendor whose ISO 9001 certificate expires within 30 days."""

QUALIFICATION_KINDS: dict[str, str] = {
    "business_licence": "营业执照 / Business licence",
    "iso9001": "ISO 9001 质量管理体系认证 / ISO 9001 certificate",
    "security_permit": "保安服务许可证 / Security service permit",
    "transport_permit": "道路运输经营许可证 / Road transport permit",
    "food_permit": "食品经营许可证 / Food business licence",
}
"""``VendorQualification.kind`` keys and their bilingual labels."""

VENDOR_METRICS: tuple[tuple[str, str], ...] = (
    ("on_time_rate_pct", "%"),
    ("contract_fulfilment_pct", "%"),
    ("breach_count", "count"),
    ("defect_rate_pct", "%"),
    ("price_index", "index"),
)
"""``VendorMetric.metric`` names and units written for every vendor and quarter."""
