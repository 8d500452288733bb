#!/usr/bin/python3
"""The readers against files kaikaku did not write.

1. Every workbook of tests/corpus (Apache POI's and SheetJS's test files, XML
   bombs and fuzzer finds among them) is read by tests/tools/griddump: none
   may crash, hang (60 s) or grow past 2 GB of address space (release build);
   each gives its cells or a named error.
2. Where openpyxl (an independent reader) can open the workbook, every cell
   kaikaku read must match openpyxl's, but for these documented differences:
   - openpyxl leaves _xHHHH_ escapes undecoded; kaikaku decodes them as
     Excel does (the comparison decodes openpyxl's text first);
   - a negative number in a date format stays a number for kaikaku (Excel
     shows #### for it; openpyxl makes a date before 1900);
   - time-of-day formats are not compared (kaikaku keeps the number);
   - a formula without a saved value is "novalue" for kaikaku and None for
     openpyxl;
   - openpyxl reads no sheets from Strict OOXML and Excel 2007 beta files;
     kaikaku does, and those are checked by the expectations below.
3. csv-spectrum: each CSV parses as its json/ says (cells trimmed, as the
   contract says; the *_crlf files of this copy have lost their CRs).
4. Workbooks made in the test by openpyxl: dates, 1904, percent, booleans,
   formulas, long text, many sheets, cells far away.
"""

import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.abspath(os.environ.get("TOOLS", os.path.join(ROOT, "build", "release", "tests")))
GRIDDUMP = os.path.join(TOOLS, "griddump")
CORPUS = os.path.join(ROOT, "tests", "corpus")
SANITIZED = "asan" in TOOLS
SPACES = " \t\r\n\v\f\u3000"

failures = []


def fail(msg):
    failures.append(msg)


# 2 GiB of address space for each read, by prlimit rather than a preexec_fn
# (without one, Python starts the child with vfork: 400 files, 10 s less);
# not under ASan, which reserves terabytes of shadow address space
LIMIT = [] if SANITIZED or not shutil.which("prlimit") else ["prlimit", f"--as={2 << 30}"]


def dump(path, *opts):
    try:
        p = subprocess.run([*LIMIT, GRIDDUMP, *opts, path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        fail(f"{path}: hangs (over 60 s)")
        return None
    if p.returncode != 0 or b"Sanitizer" in p.stderr or b"runtime error" in p.stderr:
        fail(f"{path}: exit {p.returncode}: {p.stderr.decode('utf-8', 'replace')[-2000:]}")
        return None
    return json.loads(p.stdout)


def unescape(s):
    def one(m):
        return chr(int(m.group(1), 16))
    s = re.sub(r"_x([0-9A-Fa-f]{4})_", one, s)
    try:
        return s.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return s


def same(ours, theirs):
    typ, text, num = ours[1], ours[2], ours[3]
    b = theirs
    if isinstance(b, bool):
        return typ == "bool" and text == ("TRUE" if b else "FALSE")
    if isinstance(b, (int, float)):
        return typ in ("number", "date") and abs(num - b) <= 1e-9 * max(1, abs(b))
    if isinstance(b, datetime.datetime):
        return (typ == "date" and text == b.strftime("%Y-%m-%d")) or (typ == "number" and num < 0)
    if isinstance(b, datetime.date):
        return typ == "date" and text == b.isoformat()
    if isinstance(b, (datetime.time, datetime.timedelta)):
        return True
    if isinstance(b, str):
        return typ in ("text", "error") and text == unescape(b).strip(SPACES)
    return True


def load_theirs(path):
    """openpyxl's cells, sheet by sheet (read-only mode, dimensions not trusted)."""
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
            for ws in wb.worksheets:
                if not hasattr(ws, "reset_dimensions"):
                    continue
                ws.reset_dimensions()
                cells = {}
                for row in ws.iter_rows():
                    for c in row:
                        v = getattr(c, "value", None)
                        if v is None or (isinstance(v, str) and unescape(v).strip(SPACES) == ""):
                            continue
                        cells[(c.row, c.column - 1)] = v
                out[ws.title] = cells
            wb.close()
        except Exception:
            return None
    return out


def compare_with_openpyxl(path, j):
    if SANITIZED or not j["grids"]:
        return 0  # values are compared in the release pass; the ASan pass looks for memory errors
    sheets = load_theirs(path)
    if sheets is None:
        return 0
    compared = 0
    for g in j["grids"]:
        if g["sheet"] not in sheets:
            continue
        theirs = sheets[g["sheet"]]
        mine = {(r["row"], c[0]): c for r in g["rows"] for c in r["cells"]}
        if not theirs:
            continue  # a namespace openpyxl does not know (Excel 2007 beta)
        for k in set(theirs) | set(mine):
            a, b = mine.get(k), theirs.get(k)
            if a is not None and b is None and a[1] == "novalue":
                continue
            if a is None or b is None or not same(a, b):
                fail(f"{os.path.basename(path)} sheet {g['sheet']!r} cell {k}: kaikaku {a}, openpyxl {b!r}")
            compared += 1
    return compared


def corpus():
    files = sorted(glob.glob(os.path.join(CORPUS, "*", "*.xlsx")))
    named = compared = 0
    results = {}
    for f in files:
        j = dump(f)
        if j is None:
            continue
        results[os.path.basename(f)] = j
        if not j["grids"] and not j["diags"] and not SANITIZED:
            # nothing at all: openpyxl must agree that no sheet holds a value
            cells = sum(len(c) for c in (load_theirs(f) or {}).values())
            if cells:
                fail(f"{f}: kaikaku read nothing, openpyxl reads {cells} cells")
        for d in j["diags"]:
            if not re.match(r"^[EW]_[A-Z0-9_]+$", d["code"]) or not d["message"]:
                fail(f"{f}: an unnamed error {d}")
            named += 1
        compared += compare_with_openpyxl(f, j)
    # expectations for the notable ones
    expect_code = {
        "poc-xmlbomb.xlsx": "E_XLSX_UNSAFE", "poc-xmlbomb-empty.xlsx": "E_XLSX_UNSAFE",
        "54764.xlsx": "E_XLSX_UNSAFE", "54764-2.xlsx": "E_XLSX_UNSAFE",
        "protected_passtika.xlsx": "E_ENCRYPTED", "58616.xlsx": "E_ENCRYPTED",
        "duplicate-filename.xlsx": "E_XLSX_BROKEN", "xlsx-corrupted.xlsx": "E_XLSX_BROKEN",
    }
    for name, code in expect_code.items():
        codes = [d["code"] for d in results.get(name, {"diags": []})["diags"]]
        if code not in codes:
            fail(f"{name}: expected {code}, got {codes}")
    def cells_of(name, sheet=None):
        for g in results[name]["grids"]:
            if sheet is None or g["sheet"] == sheet:
                return {(r["row"], c[0]): c for r in g["rows"] for c in r["cells"]}
        fail(f"{name}: no sheet {sheet}")
        return {}
    c = cells_of("1904_1904.xlsx")
    if c.get((1, 1), [0, 0, ""])[2] != "1904-01-02" or c.get((3, 1), [0, 0, ""])[2] != "1904-04-21":
        fail(f"1904_1904.xlsx: the 1904 date system: {c.get((1, 1))}, {c.get((3, 1))}")
    c = cells_of("1904_1900.xlsx")
    if c.get((1, 1), [0, 0, ""])[2] != "1900-01-01":
        fail(f"1904_1900.xlsx: {c.get((1, 1))}")
    for name in ("SimpleStrict.xlsx", "sample.strict.xlsx", "sheet_visibility_strict.xlsx"):
        if not results.get(name, {}).get("grids"):
            fail(f"{name}: Strict OOXML must be read")
    c = cells_of("sample-beta.xlsx")
    if c.get((1, 0), [0, 0, ""])[2] != "Lorem":
        fail(f"sample-beta.xlsx: <sstItem> strings: {c.get((1, 0))}")
    print(f"readers: corpus: {len(files)} workbooks, {named} named errors, {compared} cells agree with openpyxl")


def csv_spectrum():
    n = 0
    for f in sorted(glob.glob(os.path.join(CORPUS, "csv-spectrum", "csvs", "*.csv"))):
        name = os.path.basename(f)[:-4]
        j = dump(f)
        if j is None:
            continue
        if name == "location_coordinates":
            # a quote inside an unquoted field: not RFC 4180; strict mode refuses it
            codes = [d["code"] for d in j["diags"]]
            if codes != ["E_CSV_SYNTAX"] or "2行目" not in j["diags"][0]["message"]:
                fail(f"{name}: want E_CSV_SYNTAX at row 2, got {j['diags']}")
            n += 1
            continue
        want = json.load(open(os.path.join(CORPUS, "csv-spectrum", "json", name + ".json"), encoding="utf-8"))
        rows = j["grids"][0]["rows"] if j["grids"] else []
        header = [c[2] for c in rows[0]["cells"]] if rows else []
        got = []
        for r in rows[1:]:
            cells = {c[0]: c[2] for c in r["cells"]}
            got.append({h: cells.get(i, "") for i, h in enumerate(header)})
        norm = [{k.strip(SPACES): v.replace("\r\n", "\n").strip(SPACES) for k, v in o.items()} for o in want]
        if got != norm:
            fail(f"csv-spectrum {name}: got {got}, want {norm}")
        n += 1
    print(f"readers: csv-spectrum: {n} files")


def made_by_openpyxl():
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "made.xlsx")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "型"
        ws["A1"] = "文字"
        ws["B1"] = 12.5
        ws["C1"] = True
        ws["D1"] = datetime.date(2027, 2, 1)
        ws["E1"] = 0.853
        ws["E1"].number_format = "0.0%"
        ws["F1"] = "=A1&B1"
        ws["G1"] = "  前後の空白　"
        ws["H1"] = "長" * 30000
        ws["A5"] = "離れた行"
        ws["ZZ99999"] = "遠いセル"
        ws["I1"] = datetime.datetime(2026, 9, 30, 23, 59)
        ws["J1"] = -0.0
        wb.create_sheet("空")  # an empty sheet, skipped silently
        ws3 = wb.create_sheet("二枚目")
        for i in range(1, 2001):
            ws3.cell(row=i, column=1, value=f"K{i}")
            ws3.cell(row=i, column=2, value=i * 1.5)
        wb.save(p)
        j = dump(p)
        if j is None:
            return
        sheets = [g["sheet"] for g in j["grids"]]
        if sheets != ["型", "二枚目"]:
            fail(f"openpyxl workbook: sheets {sheets} (the empty sheet is skipped)")
        c = {(r["row"], cell[0]): cell for r in j["grids"][0]["rows"] for cell in r["cells"]}
        expect = {
            (1, 0): ("text", "文字"), (1, 1): ("number", "12.5"), (1, 2): ("bool", "TRUE"),
            (1, 3): ("date", "2027-02-01"), (1, 4): ("number", "85.3%"), (1, 5): ("novalue", "(数式)"),
            (1, 6): ("text", "前後の空白"), (5, 0): ("text", "離れた行"), (99999, 701): ("text", "遠いセル"),
            (1, 8): ("date", "2026-09-30"), (1, 9): ("number", "0"),
        }
        for k, (typ, text) in expect.items():
            got = c.get(k)
            if not got or got[1] != typ or got[2] != text:
                fail(f"openpyxl workbook cell {k}: got {got}, want {typ} {text!r}")
        if c.get((1, 7), [0, 0, ""])[2] != "長" * 30000:
            fail("openpyxl workbook: a 30,000-character cell")
        if not c.get((1, 4), [0, 0, 0, 0, False])[4]:
            fail("openpyxl workbook: the percent flag")
        rows2 = j["grids"][1]["rows"]
        if len(rows2) != 2000 or rows2[-1]["cells"][1][3] != 3000:
            fail(f"openpyxl workbook: second sheet {len(rows2)} rows")
        compare_with_openpyxl(p, j)
        # 1904 workbook written by openpyxl
        wb = openpyxl.Workbook()
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        wb.active["A1"] = datetime.date(2026, 10, 11)
        p2 = os.path.join(tmp, "mac.xlsx")
        wb.save(p2)
        j = dump(p2)
        if j and j["grids"][0]["rows"][0]["cells"][0][2] != "2026-10-11":
            fail(f"openpyxl 1904 workbook: {j['grids'][0]['rows'][0]}")
        # the decompressed size of a whole workbook is capped too, not only each part
        sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
        import xlsxcraft
        p3 = os.path.join(tmp, "three.xlsx")
        pad = " " * (400 << 10)
        xlsxcraft.write_xlsx(p3, [(f"S{i}", xlsxcraft.sheet_xml(xlsxcraft.row(1, xlsxcraft.inline("A1", "x")) + pad))
                                  for i in range(3)])
        j = dump(p3, "--part", str(1 << 20), "--workbook", str(1 << 20))
        codes = [(d["code"], d["sheet"]) for d in j["diags"]] if j else []
        if ("E_XLSX_TOO_LARGE", "S2") not in codes or len(j["grids"]) != 2:
            fail(f"workbook cap: {codes}, {len(j['grids']) if j else None} sheets read")
        j = dump(p3, "--part", str(300 << 10))
        if j and sorted(d["code"] for d in j["diags"]) != ["E_XLSX_TOO_LARGE"] * 3:
            fail(f"part cap: {j['diags']}")
        print("readers: openpyxl-made workbooks and size caps checked")


def main():
    if not os.path.exists(GRIDDUMP):
        print(f"readers: {GRIDDUMP} is missing", file=sys.stderr)
        return 1
    corpus()
    csv_spectrum()
    made_by_openpyxl()
    for f in failures:
        print("FAIL " + f)
    print(f"readers: {'ok' if not failures else str(len(failures)) + ' failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
