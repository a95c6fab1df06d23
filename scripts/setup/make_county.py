#!/usr/bin/env python3
"""Writes the files a county hands `lianxin setup`: its handling units, the role → unit mapping of the
default catalogue and one account per role, for a real county of the public division file.

    make_county.py DIVISIONS.csv COUNTY_CODE OUT_DIR [--bad]

With --bad it also writes files with the mistakes setup must refuse (unknown division, duplicate
code, a cycle in the unit tree, a unit of another county) next to the good ones (bad-*.csv).
"""
import csv
import os
import sys

# County bureaus: the catalogue's role and the usual unit name (code suffix, name).
BUREAUS = [
    ("城管", "CG", "城市管理局"), ("住建", "ZJ", "住房和城乡建设局"), ("供水", "GS", "自来水公司"),
    ("供电", "GD", "供电公司"), ("燃气", "RQ", "燃气公司"), ("生态环境", "HB", "生态环境分局"),
    ("公安", "GA", "公安局"), ("交警", "JJ", "公安局交通管理大队"), ("交通", "JT", "交通运输局"),
    ("人社", "RS", "人力资源和社会保障局"), ("农业农村", "NY", "农业农村局"), ("医保", "YB", "医疗保障局"),
    ("卫健", "WJ", "卫生健康委员会"), ("市场监管", "SJ", "市场监督管理局"), ("应急管理", "YJ", "应急管理局"),
    ("政务服务", "ZW", "政务服务中心"), ("教育", "JY", "教育体育局"), ("文旅", "WL", "文化广电新闻出版旅游局"),
    ("残联", "CL", "残疾人联合会"), ("民政", "MZ", "民政局"), ("水利", "SL", "水利局"), ("消防", "XF", "消防救援大队"),
    ("纪委监委", "JW", "纪委监委"), ("综治", "ZZ", "综治中心"), ("网格", "WG", "网格化服务管理中心"),
    ("自然资源", "ZR", "自然资源局"), ("通信管理", "TX", "通信管理办公室"), ("司法", "SF", "司法局"),
]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    bad = "--bad" in sys.argv
    divisions_path, county, out = args
    rows = list(csv.DictReader(open(divisions_path, encoding="utf-8-sig")))
    names = {r["code"]: r["name"] for r in rows}
    townships = [r for r in rows if r.get("parent_code") == county and r["level"] == "township"]
    county_name = names[county]
    os.makedirs(out, exist_ok=True)

    units = [[f"{county}-{suffix}", county_name + name, name, county, "", "", f"联络员{suffix}:1390791{idx:04d}", "", ""]
             for idx, (_, suffix, name) in enumerate(BUREAUS)]
    for t in townships:
        code = t["code"]
        units.append([f"{code}-ZF", t["name"] + "人民政府", t["name"], code, "", "", f"{t['name']}联络员:1380791{code[-3:]}0", "", ""])
        units.append([f"{code}-ZH", t["name"] + "综合行政执法队", "综合执法队", code, "", "", f"{t['name']}执法联络员:1370791{code[-3:]}0", "", ""])
    header = ["code", "name", "short_name", "division_code", "level", "parent_code", "liaisons", "duty_phone", "categories"]
    write(out, "units.csv", header, units)

    roles = [[county, role, f"{county}-{suffix}"] for role, suffix, _ in BUREAUS]
    for t in townships:
        roles.append([t["code"], "乡镇", f"{t['code']}-ZF"])
        roles.append([t["code"], "综合执法", f"{t['code']}-ZH"])
    write(out, "roles.csv", ["division_code", "role", "unit_code"], roles)

    first = townships[0]["code"]
    users = [
        ["dispatcher1", "派单员甲", "派单员", county, "", "13900000001", ""],
        ["operator1", "话务员乙", "话务受理员", county, "", "13900000002", ""],
        ["handler1", "执法队员丙", "承办人员", first, f"{first}-ZH", "13900000003", ""],
        ["lead1", "执法队长丁", "部门负责人", first, f"{first}-ZH", "13900000004", ""],
        ["supervisor1", "督办员戊", "督办员", county, "", "13900000005", ""],
        ["leader1", "领导己", "领导", county, "", "13900000006", ""],
        ["community1", "社区干部庚", "社区工作人员", first, "", "13900000007", ""],
    ]
    write(out, "users.csv", ["username", "name", "role", "division", "unit", "phone", "password"], users)

    if bad:
        # Every mistake the acceptance names, in one units file and one divisions file.
        other = "360824"  # 新干县, another county of the same city
        bad_units = [
            [f"{county}-X1", "不存在区划的单位", "", county + "999", "", "", "某:13900000000", "", ""],  # unknown division
            [f"{county}-CG", "重复编码的单位", "", county, "", "", "某:13900000000", "", ""],  # duplicate code in the file
            [f"{county}-CG", "重复编码的单位二", "", county, "", "", "某:13900000000", "", ""],
            [f"{county}-A", "循环甲", "", county, "", f"{county}-B", "某:13900000000", "", ""],  # cycle A → B → A
            [f"{county}-B", "循环乙", "", county, "", f"{county}-A", "某:13900000000", "", ""],
            [f"{other}-CG", "外县城管局", "", other, "", "", "某:13900000000", "", ""],  # another county
        ]
        write(out, "bad-units.csv", header, bad_units)
        write(out, "bad-divisions.csv", ["code", "level", "name", "parent_code"], [
            ["36", "province", "江西省", ""], ["3608", "city", "吉安市", "36"], [county, "county", county_name, "3608"],
            [county + "100", "township", "重复甲", county], [county + "100", "township", "重复乙", county],
            [county + "1x1", "township", "坏代码", county], [county + "105", "township", "", county],
        ])


def write(out, name, header, rows):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    main()
