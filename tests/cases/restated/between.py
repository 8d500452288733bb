#!/usr/bin/python3
"""After 2026Q2 was published: K1's actual for 2026Q2 corrected (10 → 12), a late
2026Q2 file for 人事課's workload, and MS1's 2026Q2 status changed."""
import os
import sys

q2 = os.path.join(sys.argv[1], "submissions", "2026Q2")
with open(os.path.join(q2, "kpi.csv"), "w", encoding="utf-8") as f:
    f.write("KPI_ID,実績値\nK1,12\nK2,20\n")
with open(os.path.join(q2, "ms.csv"), "w", encoding="utf-8") as f:
    f.write("マイルストーンID,状況,進捗率\nMS1,進行中,40\n")
with open(os.path.join(q2, "late_workload.csv"), "w", encoding="utf-8") as f:
    f.write("課,取組,削減時間\n人事課,研修の電子化,50\n")
