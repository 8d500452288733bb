#!/usr/bin/python3
"""対応策 and 開始 (contract §2, §4): a KPI or milestone at 注意 or 遅延 without a
対応策 for P is listed in the manifest's no_action (sorted, KPIs then
milestones) — an earlier period's 対応策 does not count (K3), of two identical
rows the first row's is kept (K4), an overdue milestone without a report for P
is warned at its master row (MS1); a behind item with one (K2, MS4) and an
item on track (K5) are not listed. The KGI's pace and the counts at P − 1 are
in the manifest."""
import json
import os

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
assert m["no_action"] == ["K1", "K3", "K4", "MS1"], m["no_action"]
k = m["kgi"]
for key in ("expected_rate", "status", "due", "pace_needed", "start", "pace_so_far"):
    assert key in k, (key, k)
assert k["due"] == "2027Q4" and k["start"] == "2024Q1", k
# baselines but no workload rows: a rate of 0, 遅延, the whole 30% over the 5 quarters left
assert k["rate"] == 0 and k["status"] == "遅延", k
assert abs(k["pace_needed"] - 0.06) < 1e-9 and k["pace_so_far"] == 0, k
assert abs(k["expected_rate"] - 0.3 * 10 / 15) < 1e-9, k
assert set(m["kpi_status_previous"]) == set(m["kpi_status"]), m
assert sum(m["kpi_status_previous"].values()) == 5, m["kpi_status_previous"]
# K3 was reported for 2026Q2 only: at P − 1 it is 遅延 (20 < 0.7 × 5/8), the rest 未報告
assert m["kpi_status_previous"]["未報告"] == 4, m["kpi_status_previous"]
stderr = os.environ["STDERR"]
assert "K2" not in "".join(l for l in stderr.splitlines() if "W_NO_ACTION" in l), stderr
