#!/usr/bin/python3
"""One ~900 KB shared string referenced by many cells (issue 16 item 2): read once,
quoted in messages cut to 100 characters with …, and a workbook whose cells' text
adds up past the limit (text-bytes, 16 MiB here) refused with one error."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from xlsxcraft import inline, row, sheet_xml, write_xlsx  # noqa: E402

LONG = "長" * 300000  # 900,000 bytes of UTF-8


def flood(path, nrows):
    rows = row(1, inline("A1", "課"), inline("B1", "取組"), inline("C1", "削減時間"), inline("D1", "報告期間"))
    for r in range(2, nrows + 2):
        rows += row(r, inline(f"A{r}", "総務課"), inline(f"B{r}", f"取組{r}"), f'<c r="C{r}" t="s"><v>0</v></c>',
                    inline(f"D{r}", "2026Q3"))
    write_xlsx(path, [("業務量削減", sheet_xml(rows))], shared_strings=f"<si><t>{LONG}</t></si>")


if __name__ == "__main__":
    root = sys.argv[1]
    q3 = os.path.join(root, "submissions", "2026Q3")
    os.makedirs(q3, exist_ok=True)
    flood(os.path.join(q3, "a_long.xlsx"), 3)    # 2.7 MB of text: read
    flood(os.path.join(q3, "b_flood.xlsx"), 40)  # 36 MB of text: refused
