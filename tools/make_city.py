#!/usr/bin/python3
"""A synthetic city of any size, for benchmarks and load tests: make_city.py
DIR DIVISIONS [PERIODS]. Deterministic (a fixed seed), UTF-8 CSV throughout:
masters/ (課・施策・KPI・マイルストーン) and submissions/<P>/ for the last PERIODS
quarters up to 2026Q3, every division reporting its KPIs, milestones and
workload savings. Twenty divisions to a department, two measures per
division, two KPIs and two milestones per measure."""
import csv
import os
import random
import sys

PILLARS = ["市民サービスの改善・向上", "庁内効率化と働き方改革", "人材育成による職員力向上"]
STATUS = ["未着手", "進行中", "進行中", "完了", "遅延"]
ALL = ["2025Q4", "2026Q1", "2026Q2", "2026Q3"]


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: make_city.py DIR DIVISIONS [PERIODS]")
    out, ndiv = sys.argv[1], int(sys.argv[2])
    periods = ALL[-int(sys.argv[3]):] if len(sys.argv) == 4 else ALL
    rnd = random.Random(20261201)
    divisions, measures, kpis, milestones = [], [], [], []
    for d in range(ndiv):
        dept, code = d // 20, f"{d // 20 + 1:03d}{d % 20 + 1:03d}"
        divisions.append((code, f"第{dept + 1}部", f"第{dept + 1}部第{d % 20 + 1}課", rnd.randrange(8000, 60000)))
        for j in range(2):
            mid = f"M{d:05d}{j}"
            measures.append((mid, f"{divisions[-1][2]}の業務改革（その{j + 1}）：申請手続のオンライン化と窓口の再編",
                             code, PILLARS[(d + j) % 3]))
            for k in range(2):
                base = rnd.randrange(10, 200)
                kpis.append((f"K{d:05d}{j}{k}", mid, f"オンライン申請の件数（{k + 1}）", "件", base, "2024Q4",
                             base + rnd.randrange(20, 400), "2027Q4", code))
                milestones.append((f"MS{d:05d}{j}{k}", mid, f"手順書の整備と職員研修（段階{k + 1}）",
                                   ALL[(d + j + k) % 4], code))
    write(os.path.join(out, "masters", "divisions.csv"), ["課コード", "部", "課", "基準業務量"], divisions)
    write(os.path.join(out, "masters", "measures.csv"), ["施策ID", "施策名", "主担当課", "柱"], measures)
    write(os.path.join(out, "masters", "kpis.csv"),
          ["KPI_ID", "施策ID", "指標名", "単位", "基準値", "基準時点", "目標値", "目標時点"], [k[:8] for k in kpis])
    write(os.path.join(out, "masters", "milestones.csv"), ["マイルストーンID", "施策ID", "内容", "期限"],
          [m[:4] for m in milestones])
    by_div = {}
    for k in kpis:
        by_div.setdefault(k[8], [[], []])[0].append(k)
    for m in milestones:
        by_div.setdefault(m[4], [[], []])[1].append(m)
    for pi, p in enumerate(periods):
        for code, _dept, name, _base in divisions:
            ks, ms = by_div[code]
            stem = os.path.join(out, "submissions", p, f"{code}_{name}")
            write(stem + "_KPI実績.csv", ["KPI_ID", "実績値", "コメント"],
                  [(k[0], k[4] + (k[6] - k[4]) * (pi + 1) // (len(periods) + 2) + rnd.randrange(-10, 10), "")
                   for k in ks])
            write(stem + "_マイルストーン状況.csv", ["マイルストーンID", "状況", "進捗率"],
                  [(m[0], s, 100 if s == "完了" else rnd.randrange(0, 90))
                   for m in ms for s in [rnd.choice(STATUS)]])
            write(stem + "_業務量削減.csv", ["課", "取組", "削減時間"],
                  [(code, f"取組{i + 1}", rnd.randrange(10, 600)) for i in range(2)])


if __name__ == "__main__":
    main()
