#!/usr/bin/env python3
"""Generates the SAMPLE contingency plans of contingency-plans/ (fixed seed, so the output is reproducible).

Everything here is fictional sample data in a realistic shape: every enterprise and school name starts with
"样例" (sample) and ends in a number; the commanders and contacts are placeholders; emissions and reductions are
invented. Run from the repository root:  python3 contingency-plans/tools/generate_sample_plans.py
"""
import csv
import random
from pathlib import Path

SEED = 20261129
ROOT = Path(__file__).resolve().parent.parent

UNITS = [  # code, folder, zh, en, enterprises, schools
    ("220100", "changchun", "长春市", "Changchun", 1500, 800),
    ("220200", "jilin", "吉林市", "Jilin", 800, 400),
    ("220300", "siping", "四平市", "Siping", 150, 80),
    ("220400", "liaoyuan", "辽源市", "Liaoyuan", 150, 80),
    ("220500", "tonghua", "通化市", "Tonghua", 150, 80),
    ("220600", "baishan", "白山市", "Baishan", 150, 80),
    ("220700", "songyuan", "松原市", "Songyuan", 150, 80),
    ("220800", "baicheng", "白城市", "Baicheng", 150, 80),
    ("222400", "yanbian", "延边朝鲜族自治州", "Yanbian", 150, 80),
    ("CBS-MAC", "changbaishan", "长白山管委会", "Changbai Mountain", 150, 80),
    ("220581", "meihekou", "梅河口市", "Meihekou", 150, 80),
    ("220184", "gongzhuling", "公主岭市", "Gongzhuling", 150, 80),
]

# id, zh name, en name, duties
RESPONSIBLE_UNITS = [
    ("eeb", "生态环境局", "Ecology and Environment Bureau", "监测预警、督查企业减排措施落实 / monitoring, warning, inspection of enterprise cuts"),
    ("traffic-police", "公安局交通警察支队", "Traffic Police Detachment", "机动车限行与路检路查 / vehicle restrictions and roadside checks"),
    ("housing", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau", "施工工地扬尘管控 / construction dust control"),
    ("urban-mgmt", "城市管理局", "Urban Management Bureau", "道路清扫保洁、露天焚烧查处 / street cleaning, open burning"),
    ("transport", "交通运输局", "Transport Bureau", "公共交通运力保障、渣土车管控 / public transport, muck trucks"),
    ("education", "教育局", "Education Bureau", "学校户外活动与停课安排 / school outdoor activity and closures"),
    ("health", "卫生健康委员会", "Health Commission", "医疗救治与健康防护宣传 / medical response and health advice"),
    ("industry-it", "工业和信息化局", "Industry and Information Technology Bureau", "工业企业限产停产组织 / industrial curtailment"),
    ("agriculture", "农业农村局", "Agriculture and Rural Affairs Bureau", "秸秆禁烧 / straw burning ban"),
    ("propaganda", "市委宣传部", "Publicity Department", "预警信息发布与舆论引导 / public information"),
    ("emergency", "应急管理局", "Emergency Management Bureau", "应急联动与烟花爆竹管控 / coordination, fireworks"),
]

# level, domain, unit, hours, zh, en
MEASURES = [
    ("YELLOW", "PUBLIC_HEALTH", "health", 2, "儿童、老年人和心脏病、呼吸系统疾病患者尽量留在室内，一般人群减少户外活动。", "Children, older people and heart or lung patients stay indoors where possible; everyone reduces outdoor activity."),
    ("YELLOW", "SCHOOLS", "education", 12, "中小学、幼儿园减少户外课程和活动。", "Schools and kindergartens reduce outdoor classes and activities."),
    ("YELLOW", "HOSPITALS", "health", 12, "医疗机构增加呼吸科门诊和急诊力量。", "Hospitals add respiratory outpatient and emergency capacity."),
    ("YELLOW", "INDUSTRY", "industry-it", 24, "按“一厂一策”落实黄色预警减排措施。", "Enterprises apply their yellow-level measures (one plant, one policy)."),
    ("YELLOW", "VEHICLES", "traffic-police", 24, "加强路检路查，倡导公交出行。", "More roadside emission checks; public transport encouraged."),
    ("YELLOW", "DUST", "housing", 12, "施工工地落实扬尘管控，增加道路清扫洒水频次。", "Dust control on sites; more street sweeping and watering."),
    ("YELLOW", "OPEN_BURNING", "agriculture", 12, "禁止露天焚烧秸秆、树叶、垃圾和露天烧烤。", "No open burning of straw, leaves or refuse; no outdoor barbecue."),
    ("ORANGE", "PUBLIC_HEALTH", "health", 2, "儿童、老年人和心肺疾病患者留在室内，停止大型户外活动。", "Sensitive groups stay indoors; large outdoor events stop."),
    ("ORANGE", "SCHOOLS", "education", 12, "中小学、幼儿园停止户外课程和活动。", "Schools and kindergartens stop outdoor classes and activities."),
    ("ORANGE", "HOSPITALS", "health", 12, "医疗机构增加呼吸科门诊和急诊力量。", "Hospitals add respiratory outpatient and emergency capacity."),
    ("ORANGE", "INDUSTRY", "industry-it", 24, "按“一厂一策”落实橙色预警减排措施。", "Enterprises apply their orange-level measures."),
    ("ORANGE", "VEHICLES", "traffic-police", 24, "国四及以下柴油货车、渣土车禁止在城区行驶。", "China IV and older diesel trucks and muck trucks banned downtown."),
    ("ORANGE", "DUST", "housing", 12, "停止土石方作业和拆除作业。", "Earthwork and demolition stop."),
    ("ORANGE", "OPEN_BURNING", "emergency", 12, "禁止燃放烟花爆竹和露天焚烧。", "No fireworks and no open burning."),
    ("ORANGE", "NON_ROAD_MACHINERY", "eeb", 24, "停止使用不达标非道路移动机械。", "Non-compliant non-road machinery stops."),
    ("RED", "PUBLIC_HEALTH", "health", 2, "所有人群避免户外活动，停止大型露天活动。", "Everyone avoids outdoor activity; large open-air events suspended."),
    ("RED", "SCHOOLS", "education", 12, "幼儿园、中小学停课（按发布时间规则），高校停止体育课。", "Kindergartens and schools suspend classes (by the timing rule); universities stop sports."),
    ("RED", "HOSPITALS", "health", 12, "医疗机构加强应急救治并发布就医指引。", "Hospitals strengthen emergency care and publish guidance."),
    ("RED", "INDUSTRY", "industry-it", 24, "除民生保障外按“一厂一策”落实红色预警停产限产措施。", "All but livelihood-critical production applies red-level measures."),
    ("RED", "VEHICLES", "traffic-police", 24, "实施机动车单双号限行，公务用车再减少30%。", "Odd-even plate restrictions; government cars cut a further 30 %."),
    ("RED", "DUST", "housing", 12, "除应急抢险外停止所有施工作业。", "All construction except emergency work stops."),
    ("RED", "OPEN_BURNING", "emergency", 12, "禁止燃放烟花爆竹和露天焚烧。", "No fireworks and no open burning."),
    ("RED", "NON_ROAD_MACHINERY", "eeb", 24, "停止使用非道路移动机械（应急除外）。", "Non-road machinery stops except for emergencies."),
    ("RED", "OFFICES", "emergency", 24, "机关事业单位实行错峰上下班和弹性工作。", "Public offices stagger hours and allow flexible work."),
]

INDUSTRIES = [("steel", "钢铁"), ("coking", "焦化"), ("cement", "水泥"), ("thermal-power", "火电"), ("chemicals", "化工"),
              ("foundry", "铸造"), ("glass", "玻璃"), ("auto-parts", "汽车零部件"), ("printing", "包装印刷"),
              ("brick", "砖瓦"), ("food", "食品加工"), ("pharma", "制药")]
GRADE_WEIGHTS = [("A", 6), ("B", 24), ("C", 35), ("D", 20), ("LEADING", 3), ("NON_LEADING", 12)]
MEASURE_TEXT = {
    "YELLOW": [("限产{p}%", "limit output by {p} %"), ("停止{n}条生产线", "stop {n} production line{s}"),
               ("停止重型车辆运输", "stop heavy transport")],
    "ORANGE": [("限产{p}%", "limit output by {p} %"), ("停止{n}条生产线", "stop {n} production line{s}"),
               ("焦炉结焦时间延长至36小时", "extend coking time to 36 h")],
    "RED": [("停产（保留必要设施运行）", "stop production (keep essential equipment running)"),
            ("限产{p}%", "limit output by {p} %"), ("停止{n}条生产线并停止运输", "stop {n} line{s} and transport")],
}
SHARE = {"B": (0.20, 0.40, 0.60), "C": (0.30, 0.55, 0.80), "D": (0.40, 0.65, 0.90), "NON_LEADING": (0.30, 0.55, 0.80)}
MOBILE_PREFIXES = ["139", "138", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187", "188"]
SCHOOL_TYPES = [("KINDERGARTEN", "幼儿园", 28, (80, 400)), ("PRIMARY", "小学", 38, (400, 2500)),
                ("SECONDARY", "中学", 24, (600, 3000)), ("VOCATIONAL", "职业学校", 6, (500, 3000)),
                ("UNIVERSITY", "大学", 4, (3000, 30000))]


def mobile(rng):
    return "+86" + rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randrange(10)) for _ in range(8))


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def enterprise_rows(rng, code, count, districts):
    rows = []
    for i in range(1, count + 1):
        industry, industry_zh = rng.choice(INDUSTRIES)
        grade = weighted(rng, GRADE_WEIGHTS)
        guarantee = rng.choices(["", "heating", "waste", "strategic"], weights=[90, 6, 2, 2])[0]
        size = rng.lognormvariate(-2.8, 1.0)
        base = {"so2": size * rng.uniform(0.2, 1.5), "nox": size * rng.uniform(0.3, 1.8),
                "pm": size * rng.uniform(0.1, 0.8), "vocs": size * rng.uniform(0.05, 1.2)}
        row = {"id": f"E{code}-{i:05d}", "name": f"样例{industry_zh}企业{i:05d} (SAMPLE {industry} enterprise {i:05d})",
               "district": rng.choice(districts), "industry": industry, "grade": grade, "guarantee": guarantee}
        row.update({f"{k}_t_per_day": f"{v:.4f}" for k, v in base.items()})
        for index, level in enumerate(["YELLOW", "ORANGE", "RED"]):
            prefix = level.lower()
            if grade in ("A", "LEADING"):
                row[f"{prefix}_measure"] = "自主减排 (voluntary reduction)"
                shares = (0.0, 0.0, 0.0)
            else:
                zh, en = rng.choice(MEASURE_TEXT[level])
                p, n = (20, 30, 50)[index], rng.randint(1, 3)
                row[f"{prefix}_measure"] = f"{zh.format(p=p, n=n)} ({en.format(p=p, n=n, s='' if n == 1 else 's')})"
                shares = SHARE[grade]
                if guarantee == "heating":
                    shares = tuple(s / 2 for s in shares)  # heat-led production: lighter cuts
            for k, v in base.items():
                row[f"{prefix}_{k}"] = f"{v * shares[index]:.4f}"
        row["contact_mobile"] = mobile(rng)
        row["supervisor"] = "eeb" if rng.random() < 0.7 else "industry-it"
        rows.append(row)
    return rows


def assign_devices(code, rows):
    """Stack monitors (HJ 212 MN) for the larger emitters, which must run online monitoring; small ones have none.
    A separate random stream, so the rest of the sample data stays as it was."""
    rng = random.Random(f"{SEED}-devices-{code}")
    for row in rows:
        total = sum(float(row[f"{k}_t_per_day"]) for k in ("so2", "nox", "pm"))
        stacks = 0 if total < 0.12 else (1 if total < 0.4 else rng.choice([1, 2, 2, 3]))
        number = row["id"].rsplit("-", 1)[1]
        row["device_mn"] = "|".join(f"AW{code.replace('-', '')}E{number}S{n}" for n in range(1, stacks + 1))


def school_rows(rng, code, count, districts):
    rows = []
    for i in range(1, count + 1):
        kind, kind_zh, _, (low, high) = rng.choices(SCHOOL_TYPES, weights=[t[2] for t in SCHOOL_TYPES])[0]
        rows.append({"id": f"S{code}-{i:04d}", "name": f"样例{kind_zh}{i:04d} (SAMPLE {kind.lower()} {i:04d})",
                     "district": rng.choice(districts), "type": kind, "pupils": rng.randint(low, high),
                     "contact_mobile": mobile(rng)})
    return rows


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plan_yaml(rng, code, zh, en, emissions, drill):
    lines = [
        "# SAMPLE DATA: a fictional contingency plan in the shape of a real one; names, people and numbers are invented.",
        "# Generated by contingency-plans/tools/generate_sample_plans.py (fixed seed).",
        f'unit: "{code}"',
        f"name: {yaml_str(zh + '重污染天气应急预案（样例） / ' + en + ' heavy-pollution contingency plan (SAMPLE)')}",
        "sample: true",
        'version: "2026.1-sample"',
        "effectiveDate: 2026-10-15",
        "command:",
        f"  commander: {yaml_str(zh + '人民政府市长（样例） / Mayor (sample)')}",
        f"  office: {yaml_str(zh + '重污染天气应急指挥部办公室（设在生态环境局） / HQ office at the EEB')}",
        f'  officeMobile: "{mobile(rng)}"',
        "emissions:  # city-wide total, t/day, used for the reduction check",
    ]
    for k in ("so2", "nox", "pm", "vocs"):
        lines.append(f"  {k}: {emissions[k]:.1f}")
    lines += ["schoolRule:",
              "  stopOutdoorFrom: ORANGE",
              "  suspendClassesAt: RED",
              "  suspendTypes: [KINDERGARTEN, PRIMARY, SECONDARY]",
              '  nextDayIfIssuedBefore: "22:00"',
              '  sameDayIfIssuedBefore: "06:00"',
              "responsibleUnits:"]
    for uid, uzh, uen, duties in RESPONSIBLE_UNITS:
        lines += [f"  - id: {uid}", f"    name: {yaml_str(zh + uzh + ' / ' + en + ' ' + uen)}",
                  f"    duties: {yaml_str(duties)}", f'    contactMobile: "{mobile(rng)}"']
    lines.append("measures:")
    for level, domain, unit, hours, mzh, men in MEASURES:
        mid = f"{level.lower()}-{domain.lower().replace('_', '-')}"
        lines += [f"  - id: {mid}", f"    level: {level}", f"    domain: {domain}", f"    unit: {unit}",
                  f"    deadlineHours: {hours}", f"    text: {yaml_str(mzh + ' / ' + men)}"]
    lines.append("# Recipients that take part in exercises; an exercise reaches only them unless it is widened.")
    lines.append("drillRecipients: [" + ", ".join(drill) + "]")
    return "\n".join(lines) + "\n"


def main():
    rng = random.Random(SEED)
    for code, folder, zh, en, n_enterprises, n_schools in UNITS:
        districts = [f"{zh}样例{d}区 (sample district {d})" for d in range(1, 7)]
        enterprises = enterprise_rows(rng, code, n_enterprises, districts)
        assign_devices(code, enterprises)
        schools = school_rows(rng, code, n_schools, districts)
        # City totals: the listed enterprises emit 60 % of the city's total; with the cuts above every level
        # clears the national minimum (10 / 20 / 30 %) with some margin.
        emissions = {k: sum(float(r[f"{k}_t_per_day"]) for r in enterprises) / 0.6
                     for k in ("so2", "nox", "pm", "vocs")}
        out = ROOT / f"{code}-{folder}"
        out.mkdir(exist_ok=True)
        drill = ["eeb", "education", "industry-it"] + [e["id"] for e in enterprises[:3]] + [s["id"] for s in schools[:2]]
        (out / "plan.yaml").write_text(plan_yaml(rng, code, zh, en, emissions, drill), encoding="utf-8")
        write_csv(out / "enterprises.csv", enterprises)
        write_csv(out / "schools.csv", schools)


if __name__ == "__main__":
    main()
