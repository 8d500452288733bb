#!/usr/bin/python3
"""A synthetic city of any size, in the contract's formats, for benchmarks and
load tests; deterministic for a seed.

    make_city.py DIR S|M|L|DIVISIONS [--seed N] [--periods N]

S is one real city: 40 divisions in 10 departments, about 130 measures, 170
KPIs, 120 milestones and 7 quarters of submissions (2025Q1-2026Q3), about 500
input files: a third of them .xlsx workbooks (one per division and quarter,
with its three tables as sheets), the rest CSV files per table, half of them
CP932 and half UTF-8 with a BOM. M is ten times S, L a hundred times (4,000
divisions, 1,000 departments, about 50,000 files). The masters are one
workbook, 業務改革施策リスト.xlsx.

Some faults, as real divisions make them: values that are not numbers,
mistyped KPI IDs, a division reporting another's KPI, conflicting duplicates,
a truncated workbook, and divisions that did not submit in the last quarter.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lib"))
from xlsxcraft import inline, num, row, sheet_xml, write_xlsx  # noqa: E402

PILLARS = ["市民サービスの改善・向上", "庁内効率化と働き方改革", "人材育成による職員力向上"]
ALL_PERIODS = ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"]
SIZES = {"S": 40, "M": 400, "L": 4000}
WORDS = ["窓口", "申請", "電子化", "手続", "相談", "庁内", "会議", "文書", "決裁", "研修", "点検", "台帳",
         "補助金", "予約", "通知", "検査", "統計", "照会", "届出", "支払"]


def col(i):
    return chr(ord("A") + i)


def sheet(rows):
    """rows: lists of str/int/float; the first is the header."""
    out = []
    for r, values in enumerate(rows, 1):
        cells = [num(f"{col(c)}{r}", v) if isinstance(v, (int, float)) else inline(f"{col(c)}{r}", v)
                 for c, v in enumerate(values) if v != ""]
        out.append(row(r, *cells))
    return sheet_xml("".join(out))


def write_csv(path, rows, encoding):
    text = "".join(",".join(str(v) for v in r) + "\r\n" for r in rows)
    with open(path, "wb") as f:
        f.write(("\ufeff" + text).encode("utf-8") if encoding == "utf-8" else text.encode("cp932"))


def build(out, ndiv, periods, seed, long_first=False, faults=True):
    """Writes the city; returns its counts and its divisions (code, department,
    name, baseline). long_first: the first measure's name is longer than a PDF
    page can hold (for the PDF test); faults=False: no input errors at all."""
    rnd = random.Random(seed)
    # 開始 and 対応策 from a generator of their own, so the rest of the city
    # stays as it was before they existed
    extra = random.Random(seed + 1)
    divisions, measures, kpis, milestones = [], [], [], []
    for d in range(ndiv):
        dept = d // 4
        code = f"{dept + 1:04d}{d % 4 + 1:02d}"
        name = f"{rnd.choice(WORDS)}{rnd.choice(WORDS)}第{d + 1}課"
        divisions.append((code, f"第{dept + 1}部", name, rnd.randrange(8000, 60000)))
        for j in range(3 + (d % 4 == 0)):
            mid = f"M{d:04d}{j}"
            w1, w2 = rnd.choice(WORDS), rnd.choice(WORDS)
            title = f"{w1}{w2}の見直し（{name}・その{j + 1}）"
            if long_first and not measures:
                title += "窓口の受付から審査までを一つの流れにまとめる。" * 200
            measures.append((mid, title, code, PILLARS[(d + j) % 3], f"{w1}と{w2}の手順を見直し、業務量を減らす。"))
            for k in range(1 + (len(measures) % 3 == 0)):
                base = rnd.randrange(10, 200)
                kpis.append((f"K{d:04d}{j}{k}", mid, f"{w1}{w2}の件数（{k + 1}）", "件", base, "2024Q4",
                             base + rnd.randrange(20, 400), "2027Q4", code))
            if len(measures) % 12:
                due = (d + j) % len(ALL_PERIODS)
                start = ALL_PERIODS[max(0, due - extra.randrange(1, 6))] if extra.random() < 0.7 else ""
                milestones.append((f"MS{d:04d}{j}", mid, f"{w1}{w2}の手順書の整備と研修",
                                   ALL_PERIODS[due], code, start))
    masters = os.path.join(out, "masters")
    os.makedirs(masters, exist_ok=True)
    write_xlsx(os.path.join(masters, "業務改革施策リスト.xlsx"), [
        ("課マスタ", sheet([["課コード", "部", "課", "基準業務量"]] + [list(x) for x in divisions])),
        ("施策マスタ", sheet([["施策ID", "施策名", "主担当課", "柱", "概要"]] + [list(x) for x in measures])),
        ("KPIマスタ", sheet([["KPI_ID", "施策ID", "指標名", "単位", "基準値", "基準時点", "目標値", "目標時点"]]
                           + [list(x[:8]) for x in kpis])),
        ("マイルストーン", sheet([["マイルストーンID", "施策ID", "内容", "期限", "開始"]]
                                 + [list(x[:4]) + [x[5]] for x in milestones])),
    ])
    by_div = {d[0]: ([], []) for d in divisions}
    for k in kpis:
        by_div[k[8]][0].append(k)
    for m in milestones:
        by_div[m[4]][1].append(m)
    files = rows = 0
    for pi, p in enumerate(periods):
        folder = os.path.join(out, "submissions", p)
        os.makedirs(folder, exist_ok=True)
        last = pi == len(periods) - 1
        for di, (code, _dept, name, _base) in enumerate(divisions):
            if last and faults and rnd.random() < 0.05:
                continue  # 未提出
            ks, ms = by_div[code]
            kpi_rows = []
            for k in ks:
                if rnd.random() < 0.55 or last:
                    v = k[4] + (k[6] - k[4]) * (pi + 1) // (len(periods) + 3) + rnd.randrange(-10, 10)
                    kid = k[0]
                    fault = rnd.random() if faults else 1
                    if fault < 0.01:
                        v = f"約{v}"
                    elif fault < 0.015:
                        kid = kid.replace("K", "Ｋ-", 1)
                    elif fault < 0.018 and di + 1 < len(divisions) and by_div[divisions[di + 1][0]][0]:
                        kid = by_div[divisions[di + 1][0]][0][0][0]
                    action = "手順を見直し、遅れを次の四半期で取り戻す" if extra.random() < 0.4 else ""
                    kpi_rows.append([kid, v, "", action])
            if kpi_rows and faults and rnd.random() < 0.01:
                kpi_rows.append([kpi_rows[0][0], 999999, "重複", ""])
            ms_rows = [[m[0], s, 100 if s == "完了" else rnd.randrange(0, 90)]
                       for m in ms if rnd.random() < 0.35 or last
                       for s in [rnd.choice(["未着手", "進行中", "進行中", "完了", "遅延"])]]
            for r in ms_rows:
                r.append("担当を増やし、期限を守れるよう日程を組み直す" if extra.random() < 0.5 else "")
            wl_rows = [[code, f"取組{i + 1}", rnd.randrange(10, 600)] for i in range(1 + di % 2)
                       if rnd.random() < 0.5 or last]
            rows += len(kpi_rows) + len(ms_rows) + len(wl_rows)
            stem = os.path.join(folder, f"{code}_{name}")
            if (di + pi) % 3 == 0:
                sheets = [("KPI実績", sheet([["KPI_ID", "実績値", "コメント", "対応策"]] + kpi_rows))]
                if ms_rows:
                    sheets.append(("マイルストーン状況",
                                   sheet([["マイルストーンID", "状況", "進捗率", "対応策"]] + ms_rows)))
                if wl_rows:
                    sheets.append(("業務量削減", sheet([["課", "取組", "削減時間"]] + wl_rows)))
                path = f"{stem}_{p}.xlsx"
                write_xlsx(path, sheets)
                if faults and rnd.random() < 0.002:  # a truncated upload
                    data = open(path, "rb").read()
                    open(path, "wb").write(data[:len(data) // 2])
                files += 1
            else:
                enc = "cp932" if (di + pi) % 2 else "utf-8"
                write_csv(f"{stem}_KPI実績.csv", [["KPI_ID", "実績値", "コメント", "対応策"]] + kpi_rows, enc)
                files += 1
                if ms_rows:
                    write_csv(f"{stem}_マイルストーン状況.csv",
                              [["マイルストーンID", "状況", "進捗率", "対応策"]] + ms_rows, enc)
                    files += 1
                if wl_rows:
                    write_csv(f"{stem}_業務量削減.csv", [["課", "取組", "削減時間"]] + wl_rows, enc)
                    files += 1
    return {"divisions": len(divisions), "departments": len({d[1] for d in divisions}),
            "measures": len(measures), "kpis": len(kpis), "milestones": len(milestones),
            "files": files + 1, "rows": rows}, divisions


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("size", help="S, M, L or a number of divisions")
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--periods", type=int, default=len(ALL_PERIODS))
    a = ap.parse_args()
    ndiv = SIZES.get(a.size.upper()) or int(a.size)
    stats, _ = build(a.dir, ndiv, ALL_PERIODS[-a.periods:], a.seed)
    print(" ".join(f"{k}={v}" for k, v in stats.items()))


if __name__ == "__main__":
    main()
