#!/usr/bin/python3
"""Writes the sample city of kaikaku into a folder (default: input/).

The sample is 印西市's reform programme in small: 10 divisions in 4
departments, 12 measures (the strategy's own No.5, No.14 and No.15 among
them), their KPIs and milestones, and four quarters of submissions
(2025Q4 to 2026Q3) in the formats divisions really send:

- the PMO's master list as an .xlsx with a title row above each header,
- CP932 CSV with CRLF line ends, as Japanese Excel's "CSV (コンマ区切り)" writes,
- UTF-8 CSV with a BOM, as "CSV UTF-8 (コンマ区切り)" writes,
- .xlsx workbooks with a title row, a date cell in 報告期間 and a memo sheet,

with a handful of realistic mistakes, so that `make run` shows errors being
reported (see MISTAKES below). Deterministic: the same files every time.
Run with Debian's python3 (python3-openpyxl): `make sample`.
"""

import datetime
import os
import shutil
import sys

import openpyxl
from openpyxl.styles import Font, PatternFill

FIXED_TIME = datetime.datetime(2026, 11, 30, 9, 0, 0)

DIVISIONS = [
    # 課コード, 部, 課, 基準業務量 (annual hours of existing work)
    ("010100", "総務部", "総務課", 52000),
    ("010200", "総務部", "人事課", 31000),
    ("010300", "総務部", "DX推進課", 18000),
    ("010400", "総務部", "財政課", 24000),
    ("020100", "市民部", "市民課", 61000),
    ("020200", "市民部", "保険年金課", 43000),
    ("030100", "健康子ども部", "子育て支援課", 38000),
    ("030200", "健康子ども部", "保育課", 45000),
    ("040100", "都市建設部", "道路課", 36000),
    ("040200", "都市建設部", "都市計画課", None),  # no baseline yet: a warning
]

CONTACTS = {  # 課コード -> 連絡先 (the 課マスタ's optional column; 都市計画課 has none)
    "010100": "soumu@city.inzai.lg.jp（内線 2101）",
    "010200": "jinji@city.inzai.lg.jp（内線 2111）",
    "010300": "dx@city.inzai.lg.jp（内線 2131）",
    "010400": "zaisei@city.inzai.lg.jp（内線 2141）",
    "020100": "shimin@city.inzai.lg.jp（内線 3101）",
    "020200": "nenkin@city.inzai.lg.jp（内線 3121）",
    "030100": "kosodate@city.inzai.lg.jp（内線 4101）",
    "030200": "hoiku@city.inzai.lg.jp（内線 4121）",
    "040100": "douro@city.inzai.lg.jp（内線 5101）",
}

MEASURES = [
    # 施策ID, 施策名, 主担当課, 柱, 分野, アプローチ, 概要
    ("M05", "支所・出張所の機能強化", "総務課", "市民サービスの改善・向上", "行政サービスの充実",
     "窓口改革", "地域の困り事をワンストップで解決できるよう、支所・出張所の機能を強化する。"),
    ("M14", "職員研修の充実", "人事課", "人材育成による職員力向上", "行政サービスの充実",
     "人材育成", "コーチングによる主体性の向上、大学院・民間スクールへの派遣など研修体制を確立する。"),
    ("M15", "テクノロジーを使った業務効率化／AIなどのテクノロジーによる業務の簡素化", "DX推進課",
     "庁内効率化と働き方改革", "IT化・行政DXの推進", "デジタル活用",
     "ハンコレス、電子決裁、ペーパーレス、移動レスを進め、各課主体の改善で業務量を削減する。"),
    ("M21", "書かない窓口の導入", "市民課", "市民サービス", "窓口サービス", "窓口改革",
     "窓口受付システムを導入し、申請書を書かずに手続きできる窓口を実現する。"),
    ("M22", "オンライン申請の拡充", "保険年金課", "citizen", "窓口サービス", "デジタル活用",
     "国民健康保険・年金の主な手続きをオンラインで申請できるようにする。"),
    ("M31", "保育所入所選考へのAI活用", "保育課", "庁内効率化", "子育て支援", "デジタル活用",
     "入所選考の点数計算と割り当てを AI で支援し、作業時間を短縮する。"),
    ("M32", "子育て情報のプッシュ型配信", "子育て支援課", "市民サービスの改善・向上", "子育て支援",
     "情報発信", "子育て世帯に必要な情報をアプリでプッシュ配信する。"),
    ("M41", "道路損傷通報アプリの導入", "道路課", "市民サービスの改善・向上", "インフラ管理",
     "デジタル活用", "市民がスマートフォンで道路の損傷を通報できる仕組みを導入する。"),
    ("M42", "都市計画情報のオープンデータ化", "都市計画課", "市民サービスの改善・向上", "まちづくり",
     "情報発信", "都市計画図や用途地域の情報をオープンデータとして公開する。"),
    ("M16", "会計年度任用職員服務管理システムの導入", "人事課", "庁内効率化と働き方改革",
     "IT化・行政DXの推進", "デジタル活用", "紙の出勤簿と手作業の集計をシステムに置き換える。"),
    ("M17", "電子契約の導入", "財政課", "庁内効率化と働き方改革", "IT化・行政DXの推進",
     "デジタル活用", "契約事務に電子契約サービスを導入し、押印と郵送をなくす。"),
    ("M18", "生成AIの活用拡大", "DX推進課", "efficiency", "IT化・行政DXの推進", "デジタル活用",
     "文書作成・議事録作成などに生成AIを活用し、職員の負担を軽減する。"),
]

KPIS = [
    # KPI_ID, 施策ID, 指標名, 単位, 基準値, 基準時点, 目標値, 目標時点
    ("K05-1", "M05", "支所・出張所で完結した相談の割合", "%", 20, "R6年度", 80, "R9年度末"),
    ("K14-1", "M14", "専門研修の受講者数（累計）", "人", 120, "R6年度", 400, "R9年度末"),
    ("K14-2", "M14", "自治大学校等への派遣者数（累計）", "人", 2, "R6年度", 10, "R9年度末"),
    ("K15-1", "M15", "電子決裁率", "%", 35, "R6年度", 100, "R9年度末"),
    ("K15-2", "M15", "ハンコレス率（押印を廃止した手続の割合）", "%", 40, "R6年度", 100, "R9年度末"),
    ("K15-3", "M15", "ペーパーレス（コピー用紙使用量の R6 比削減率）", "%", 0, "R6年度", 50, "R9年度末"),
    ("K15-4", "M15", "移動レス（庁舎間移動時間の R6 比削減率）", "%", 0, "R6年度", 50, "R9年度末"),
    ("K21-1", "M21", "書かない窓口で受け付けた申請の割合", "%", 0, "R6年度", 70, "R9年度末"),
    ("K21-2", "M21", "窓口の平均待ち時間", "分", 25, "R6年度", 10, "R9年度末"),
    ("K22-1", "M22", "オンライン申請の割合", "%", 8, "R6年度", 50, "R9年度末"),
    ("K31-1", "M31", "入所選考にかかる作業時間", "時間", 600, "R6年度", 150, "R8年度末"),
    ("K32-1", "M32", "アプリ登録世帯数", "世帯", 1500, "R6年度", 6000, "R9年度末"),
    ("K41-1", "M41", "アプリからの通報件数（四半期）", "件", 0, "R6年度", 300, "R9年度末"),
    # A master mistake: 目標値 equal to 基準値. The row is rejected, and so is
    # everything that refers to it (its actuals), each with its own error.
    ("K42-1", "M42", "オープンデータの公開データセット数", "件", 12, "R6年度", 12, "R9年度末"),
    ("K16-1", "M16", "紙の出勤簿を使う職場の数", "職場", 45, "R6年度", 0, "R8年度末"),
    ("K17-1", "M17", "電子契約の割合", "%", 0, "R6年度", 60, "R9年度末"),
    ("K18-1", "M18", "生成AIを業務で使う職員の割合", "%", 5, "R6年度", 60, "R9年度末"),
]

MILESTONES = [
    # マイルストーンID, 施策ID, 内容, 期限, 開始 (empty: drawn as a point at 期限)
    ("MS05-1", "M05", "全庁的なワーキンググループを設置", "R7年度Q1", ""),
    ("MS05-2", "M05", "支所・出張所で提供すべき業務を調整", "2025Q4", "2025Q2"),
    ("MS05-3", "M05", "組織面・ハード面の検討と市民意見聴取", "2026Q2", "2025Q4"),
    ("MS05-4", "M05", "機能強化する支所・出張所関係の例規整備", "R8年度末", "2026Q3"),
    ("MS14-1", "M14", "職員人材育成基本方針の見直し", "2025Q4", "R7年度"),
    ("MS14-2", "M14", "（仮称）印西市人材戦略の策定", "2026Q3", "2026Q1"),
    ("MS15-1", "M15", "電子決裁の対象拡大", "2026Q2", "2025Q3"),
    ("MS15-2", "M15", "ネットワーク3層分離の見直し", "2027Q2", "2026Q2"),
    ("MS21-1", "M21", "窓口受付システムの導入と市民課のレイアウト変更", "2026Q3", "2025Q4"),
    ("MS31-1", "M31", "AI 選考支援システムの試行", "2026Q1", "2025Q3"),
    ("MS41-1", "M41", "通報アプリの試行運用", "2026年9月30日", "2026Q1"),
    ("MS17-1", "M17", "電子契約サービスの選定", "2026Q1", ""),
]

# 対応策 sent with a report: (period, ID) -> text. Some behind items have one,
# others are left without (W_NO_ACTION: the PMO chases them).
ACTIONS = {
    ("2026Q3", "K14-2"): "県に派遣枠の追加を要望中。R9年度に2名を派遣する予定",
    ("2026Q3", "K17-1"): "電子契約サービスを選定し直し、R9年度第1四半期から全契約で利用する",
    ("2026Q3", "K21-1"): "12月の窓口受付システム稼働で申請の大半が書かない窓口に移る見込み",
    ("2026Q1", "MS31-1"): "ベンダーの改修が遅れたため、試行を第2四半期に延ばして完了させる",
}

PERIODS = ["2025Q4", "2026Q1", "2026Q2", "2026Q3"]

# KPI actuals per period, by KPI (None: not reported that quarter)
ACTUALS = {
    "K05-1": [30, 38, 49, 55],
    "K14-1": [160, 200, 250, 290],
    "K14-2": [3, 4, 5, 6],
    "K15-1": [48, 55, 63, 78],
    "K15-2": [52, 60, 66, 70],
    "K15-3": [10, 16, 24, 28],
    "K15-4": [8, 14, 20, 22],
    "K21-1": [0, 8, 20, 35],
    "K21-2": [23, 21, 19, 16],
    "K22-1": [12, 16, 21, 27],
    "K31-1": [560, 480, 390, 300],
    "K32-1": [2000, 2700, 3500, 4300],
    "K41-1": [0, 20, 45, None],  # 道路課 does not submit for 2026Q3 (未提出)
    "K42-1": [12, 13, 14, 15],
    "K16-1": [45, 30, 12, 0],
    "K17-1": [0, 0, 5, 20],
    "K18-1": [10, 18, 27, 40],
}

# milestone status per period: (状況, 進捗率) or None
STATUS = {
    "MS05-1": [("完了", 100), None, None, None],
    "MS05-2": [("進行中", 60), ("完了", 100), None, None],
    "MS05-3": [("未着手", 0), ("進行中", 20), ("進行中", 50), ("進行中", 70)],
    "MS05-4": [None, None, ("未着手", 0), ("進行中", 10)],
    "MS14-1": [("進行中", 80), ("完了", 100), None, None],
    "MS14-2": [("未着手", 0), ("進行中", 30), ("進行中", 60), ("進行中", 85)],
    "MS15-1": [("進行中", 40), ("進行中", 70), ("完了", 100), None],
    "MS15-2": [None, ("未着手", 0), ("未着手", 0), ("進行中", 15)],
    "MS21-1": [("進行中", 30), ("進行中", 50), ("進行中", 80), ("完了", 100)],
    "MS31-1": [("進行中", 50), ("遅延", 70), ("完了", 100), None],
    "MS41-1": [("未着手", 0), ("進行中", 40), ("進行中", 80), None],
    "MS17-1": [("進行中", 50), ("中止", None), None, None],
}

# workload: (課, 取組, 施策ID, 削減時間 by period)
WORKLOAD = [
    ("総務課", "会議録作成への生成AI活用", "M18", [300, 450, 600, 650]),
    ("総務課", "文書の電子決裁化", "M15", [800, 1500, 2200, 3100]),
    ("人事課", "会計年度任用職員の服務管理のシステム化", "M16", [0, 400, 1200, 2500]),
    ("人事課", "研修申込の電子化", "M14", [120, 150, 180, 200]),
    ("DX推進課", "RPA による定型処理の自動化", "M15", [500, 900, 1300, 1700]),
    ("財政課", "電子契約による押印・郵送の廃止", "M17", [0, 0, 150, 420]),
    ("市民課", "書かない窓口による記載確認の削減", "M21", [0, 600, 1800, 3900]),
    ("保険年金課", "オンライン申請による入力作業の削減", "M22", [400, 700, 1100, 1600]),
    ("子育て支援課", "プッシュ配信による問い合わせ対応の削減", "M32", [200, 350, 500, 700]),
    ("保育課", "入所選考の点数計算の自動化", "M31", [150, 400, 900, 1300]),
    ("道路課", "通報アプリによる現地確認の効率化", "M41", [0, 80, 200, None]),
    ("都市計画課", "窓口での図面閲覧のオンライン化", "M42", [None, None, 150, 260]),
]

# which division sends which format, and its file names
FORMATS = {
    "010100": "cp932",   # 総務課
    "010200": "xlsx",    # 人事課
    "010300": "utf8bom", # DX推進課
    "010400": "cp932",   # 財政課
    "020100": "xlsx",    # 市民課
    "020200": "utf8bom", # 保険年金課
    "030100": "cp932",   # 子育て支援課
    "030200": "xlsx",    # 保育課
    "040100": "cp932",   # 道路課
    "040200": "utf8bom", # 都市計画課
}

MISTAKES = """
The mistakes the sample carries, each reported by `make run`:
- masters: K42-1 has 目標値 = 基準値 (E_TARGET_EQUALS_BASELINE); its actuals are
  then rejected too (E_REF_REJECTED).
- 2026Q3, 総務課 (CP932 CSV): KPI_ID typed as "K05－01" (E_UNKNOWN_KPI) in a row
  beside the right one, and a milestone progress of 120 (E_PROGRESS_RANGE).
- 2026Q3, DX推進課 (UTF-8 CSV): 実績値 "約22" (E_BAD_NUMBER) for K15-4.
- 2026Q3, 市民課 (xlsx): a row for DX推進課's K15-1 (E_WRONG_DIVISION).
- 2026Q3, 保育課: K31-1 sent twice, once in the workbook and once in a CSV,
  with different values (E_CONFLICT on both rows).
- 2026Q2, 財政課: 報告期間 "来期" (E_BAD_PERIOD).
- 2026Q3, 道路課: no submission at all (未提出).
- 都市計画課 reports workload without a baseline (W_NO_BASELINE).
- 人事課's workbook writes its division code as the number 10200 (Excel drops
  the leading zero): it still resolves to 010200, without an error.
- 子育て支援課 sends its 2026Q2 file twice (identical rows count once).
- a memo sheet in 保育課's workbook (W_UNRECOGNISED); an Excel lock file
  "~$..." and a hidden ".DS_Store" are skipped silently.
"""


def div_by_name(name):
    for d in DIVISIONS:
        if d[2] == name:
            return d
    raise KeyError(name)


def owner_of_kpi(kid):
    mid = next(k[1] for k in KPIS if k[0] == kid)
    lead = next(m[2] for m in MEASURES if m[0] == mid)
    return div_by_name(lead)[0]


def owner_of_ms(msid):
    mid = next(m[1] for m in MILESTONES if m[0] == msid)
    lead = next(m[2] for m in MEASURES if m[0] == mid)
    return div_by_name(lead)[0]


def fixed_props(wb):
    wb.properties.creator = "印西市 DX推進課"
    wb.properties.lastModifiedBy = "印西市 DX推進課"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME


def titled_sheet(ws, title, header, rows, widths=None):
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(header)
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for r in rows:
        ws.append(list(r))
    for i, w in enumerate(widths or []):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = w


def write_masters(root):
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "課マスタ"
    # 連絡先 (optional): where 配布一覧.csv sends each division's workbook; one left blank
    titled_sheet(ws, "業務改革施策リスト 課マスタ（令和8年度）", ["課コード", "部", "課", "基準業務量", "連絡先"],
                 [(c, b, n, h, CONTACTS.get(c, "")) for c, b, n, h in DIVISIONS], [10, 14, 14, 12, 34])
    ws = wb.create_sheet("施策マスタ")
    titled_sheet(ws, "業務改革施策リスト（別紙）", ["施策ID", "施策名", "主担当課", "柱", "分野", "アプローチ", "概要"],
                 [(m[0], m[1], m[2], m[3], m[4], m[5], m[6]) for m in MEASURES],
                 [8, 40, 12, 24, 18, 12, 60])
    ws = wb.create_sheet("KPIマスタ")
    titled_sheet(ws, "業務改革施策リスト KPI", ["KPI_ID", "施策ID", "指標名", "単位", "基準値", "基準時点", "目標値", "目標時点"],
                 KPIS, [8, 8, 44, 6, 8, 10, 8, 10])
    ws = wb.create_sheet("マイルストーン")
    titled_sheet(ws, "業務改革施策リスト マイルストーン（中間目標）",
                 ["マイルストーンID", "施策ID", "内容", "期限", "開始"], MILESTONES, [16, 8, 44, 14, 14])
    os.makedirs(os.path.join(root, "masters"), exist_ok=True)
    wb.save(os.path.join(root, "masters", "業務改革施策リスト.xlsx"))


def csv_text(rows):
    out = []
    for r in rows:
        cells = []
        for v in r:
            s = "" if v is None else str(v)
            if any(ch in s for ch in ',"\r\n'):
                s = '"' + s.replace('"', '""') + '"'
            cells.append(s)
        out.append(",".join(cells))
    return "\r\n".join(out) + "\r\n"


def write_csv(path, rows, fmt):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = csv_text(rows)
    with open(path, "wb") as f:
        if fmt == "cp932":
            f.write(text.encode("cp932"))
        else:
            f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))


def kpi_rows(code, pi):
    rows = []
    for k in KPIS:
        if owner_of_kpi(k[0]) != code:
            continue
        v = ACTUALS[k[0]][pi]
        if v is None:
            continue
        rows.append([k[0], k[2], v, "", "", ACTIONS.get((PERIODS[pi], k[0]), "")])
    return rows


def ms_rows(code, pi):
    rows = []
    for m in MILESTONES:
        if owner_of_ms(m[0]) != code:
            continue
        st = STATUS[m[0]][pi]
        if st is None:
            continue
        rows.append([m[0], m[2], st[0], "" if st[1] is None else st[1], "",
                     ACTIONS.get((PERIODS[pi], m[0]), "")])
    return rows


def wl_rows(code, pi):
    rows = []
    name = next(d[2] for d in DIVISIONS if d[0] == code)
    for w in WORKLOAD:
        if w[0] != name or w[3][pi] is None:
            continue
        rows.append([name, w[1], w[2], w[3][pi], ""])
    return rows


def apply_mistakes(code, period, kr, mr, wr, periodcol):
    """Realistic mistakes, each named in MISTAKES."""
    name = next(d[2] for d in DIVISIONS if d[0] == code)
    if period == "2026Q3" and name == "総務課":
        kr.append(["K05－01", "支所・出張所で完結した相談の割合", 41, "", "ID の打ち間違い", ""])
        for r in mr:
            if r[0] == "MS05-3":
                r[3] = 120
                r[4] = "市民意見聴取を実施"
    if period == "2026Q3" and name == "DX推進課":
        for r in kr:
            if r[0] == "K15-4":
                r[2] = "約22"
                r[4] = "Web会議の定着で庁舎間移動が減少"
            if r[0] == "K15-1":
                r[4] = "電子決裁の対象を契約・支出まで拡大"
    if period == "2026Q3" and name == "市民課":
        kr.append(["K15-1", "電子決裁率", 80, "", "市民課の電子決裁率（参考）", ""])
    if period == "2026Q2" and name == "財政課":
        periodcol[:] = ["来期"] + periodcol[1:]
    return kr, mr, wr


def write_submission(root, code, period, pi):
    fmt = FORMATS[code]
    name = next(d[2] for d in DIVISIONS if d[0] == code)
    kr, mr, wr = kpi_rows(code, pi), ms_rows(code, pi), wl_rows(code, pi)
    periodcol = [period]
    kr, mr, wr = apply_mistakes(code, period, kr, mr, wr, periodcol)
    folder = os.path.join(root, "submissions", period)
    base = f"{code}_{name}"
    if not (kr or mr or wr):
        return
    if fmt == "xlsx":
        write_xlsx_submission(os.path.join(folder, f"{base}_{period}.xlsx"), code, name, period,
                              kr, mr, wr)
        return
    if kr:
        rows = [["KPI_ID", "指標名", "実績値", "報告期間", "コメント", "対応策"]]
        first = True
        for r in kr:
            # a period cell on the first row only: the folder gives the rest
            p = periodcol[0] if first else ""
            first = False
            rows.append([r[0], r[1], r[2], p, r[4], r[5]])
        write_csv(os.path.join(folder, f"{base}_KPI実績.csv"), rows, fmt)
    if mr:
        rows = [["マイルストーンID", "内容", "状況", "進捗率", "コメント", "対応策"]] + mr
        write_csv(os.path.join(folder, f"{base}_マイルストーン状況.csv"), rows, fmt)
    if wr:
        rows = [["課", "取組", "施策ID", "削減時間", "コメント"]] + wr
        write_csv(os.path.join(folder, f"{base}_業務量削減.csv"), rows, fmt)


PERIOD_END = {
    "2025Q4": datetime.date(2026, 3, 31),
    "2026Q1": datetime.date(2026, 6, 30),
    "2026Q2": datetime.date(2026, 9, 30),
    "2026Q3": datetime.date(2026, 12, 31),
}


def write_xlsx_submission(path, code, name, period, kr, mr, wr):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "KPI実績"
    label = {"2025Q4": "令和7年度第4四半期", "2026Q1": "令和8年度第1四半期",
             "2026Q2": "令和8年度第2四半期", "2026Q3": "令和8年度第3四半期"}[period]
    # 報告期間 as an Excel date cell (the last day of the quarter)
    titled_sheet(ws, f"KPI実績報告書 {label} {name}",
                 ["KPI_ID", "指標名", "実績値", "報告期間", "課", "コメント", "対応策"],
                 [[r[0], r[1], r[2], PERIOD_END[period], code, r[4], r[5]] for r in kr],
                 [10, 40, 10, 12, 10, 40, 40])
    for row in ws.iter_rows(min_row=4, min_col=4, max_col=4):
        for c in row:
            c.number_format = "yyyy/m/d"
    if name == "人事課":
        # Excel turned the division code into a number and dropped its leading zero
        for row in ws.iter_rows(min_row=4, min_col=5, max_col=5):
            for c in row:
                c.value = int(code)
    ws = wb.create_sheet("マイルストーン状況")
    titled_sheet(ws, f"マイルストーン状況報告 {label} {name}",
                 ["マイルストーンID", "内容", "状況", "進捗率", "報告期間", "コメント", "対応策"],
                 [[r[0], r[1], r[2], None if r[3] == "" else r[3] / 100, period, r[4], r[5]]
                  for r in mr],
                 [16, 40, 10, 8, 10, 40, 40])
    for row in ws.iter_rows(min_row=4, min_col=4, max_col=4):
        for c in row:
            c.number_format = "0%"
    ws = wb.create_sheet("業務量削減")
    titled_sheet(ws, f"業務量削減報告 {label} {name}", ["課", "取組", "施策ID", "削減時間", "報告期間", "コメント"],
                 [[r[0], r[1], r[2], r[3], period, r[4]] for r in wr], [12, 40, 8, 10, 10, 40])
    if name == "保育課" and period == "2026Q3":
        memo = wb.create_sheet("メモ")
        memo.append(["今期の補足"])
        memo.append(["入所選考の AI 試行は 2 月に本格運用予定。"])
    wb.save(path)


def write_extras(root):
    # 保育課 sends K31-1 again in a CSV with a different value: a conflict
    write_csv(os.path.join(root, "submissions", "2026Q3", "030200_保育課_KPI実績_追加.csv"),
              [["KPI_ID", "実績値", "コメント"], ["K31-1", 280, "再集計した値"]], "utf8bom")
    # 子育て支援課 sends its 2026Q2 file twice: identical rows count once
    src = os.path.join(root, "submissions", "2026Q2", "030100_子育て支援課_KPI実績.csv")
    shutil.copyfile(src, os.path.join(root, "submissions", "2026Q2", "030100_子育て支援課_KPI実績 (2).csv"))
    # what Excel and macOS leave behind: skipped silently
    with open(os.path.join(root, "submissions", "2026Q3", "~$010200_人事課_2026Q3.xlsx"), "wb") as f:
        f.write(b"\x0c" + "印西 太郎".encode("utf-16-le") + b"\0" * 40)
    with open(os.path.join(root, "submissions", ".DS_Store"), "wb") as f:
        f.write(b"\0\0\0\1Bud1" + b"\0" * 24)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "input"
    if os.path.isdir(root):
        for name in os.listdir(root):
            p = os.path.join(root, name)
            shutil.rmtree(p) if os.path.isdir(p) else os.unlink(p)
    os.makedirs(root, exist_ok=True)
    write_masters(root)
    for pi, period in enumerate(PERIODS):
        for d in DIVISIONS:
            write_submission(root, d[0], period, pi)
    write_extras(root)


if __name__ == "__main__":
    main()
