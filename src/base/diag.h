/*
 * diag.h - error and warning records. Errors are data: every refusal of the
 * readers, the parser and the model becomes a record (severity, file, sheet,
 * row, column, value, stable code, Japanese message) that flows to the
 * outputs like KPIs do.
 */
#ifndef KK_DIAG_H
#define KK_DIAG_H

#include "kaikaku.h"

#include <stdarg.h>

#include "arena.h"

enum diag_severity {
	SEV_ERROR,
	SEV_WARNING,
};

/*
 * X(code, severity, title, hint): the title names the problem in a few words
 * (for lists and the submission guide); the hint, appended to every message,
 * says what the division's clerk should do.
 */
#define DIAG_CODES(X)                                                                                                                                              \
	/* whole files */                                                                                                                                          \
	X(E_READ_FAILED, ERROR, "ファイルを読めない",                                                                                                              \
	  "ファイルが壊れていないか、読み取りの権限があるかを確認してください。")                                                                                  \
	X(E_EMPTY_FILE, ERROR, "空のファイル",                                                                                                                     \
	  "中身のあるファイルを保存し直して提出してください。")                                                                                                    \
	X(E_FILE_TOO_LARGE, ERROR, "ファイルが大きすぎる",                                                                                                         \
	  "提出する表だけを残したファイルにしてください（上限は設定 limits で変えられます）。")                                                                    \
	X(E_XLS_FORMAT, ERROR, "古い Excel 形式（.xls）",                                                                                                          \
	  "Excel で開き「名前を付けて保存」で「Excel ブック "                                                                                    \
	  "(*.xlsx)」を選んで保存し直してください。")                                                                                                              \
	X(E_ENCRYPTED, ERROR, "パスワード付きのブック",                                                                                                            \
	  "パスワード（暗号化）を解除して保存し直してください。")                                                                                                  \
	X(E_NOT_SPREADSHEET, ERROR, "表のファイルではない",                                                                                                        \
	  "CSV（カンマ区切り）か Excel ブック（.xlsx）で保存して提出してください。")                                                                               \
	X(E_ENCODING, ERROR, "文字コードが読めない",                                                                                                               \
	  "Excel でファイルを開き、「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで保存し直し、もう一度送ってください。")                               \
	X(E_UTF16, ERROR, "UTF-16 のテキスト",                                                                                                                     \
	  "「Unicode テキスト」ではなく「CSV UTF-8（コンマ区切り）」で保存し直してください。")                                                                     \
	X(E_NUL_BYTE, ERROR, "テキスト以外のデータが混じった CSV",                                                                                                 \
	  "Excel でファイルを開き、「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで保存し直し、もう一度送ってください。")                               \
	X(E_CSV_SYNTAX, ERROR, "CSV の引用符の誤り",                                                                                                               \
	  "Excel でファイルを開いて「CSV UTF-8（コンマ区切り）」で保存し直すと直ります。メモ帳で直すときは、値の中の「\"」を「\"\"」と2つ重ねます。")              \
	X(E_FIELD_TOO_LARGE, ERROR, "値が長すぎる",                                                                                                                \
	  "1つのセルに入れる値を短くしてください（上限は設定 limits で変えられます）。")                                                                           \
	X(E_XLSX_BROKEN, ERROR, "壊れたブック",                                                                                                                    \
	  "Excel で開けるか確認し、「名前を付けて保存」で保存し直してください。")                                                                                  \
	X(E_XLSX_UNSAFE, ERROR, "kaikaku が読まない仕組みを含むブック",                                                                                            \
	  "Excel で開き、新しいブックに値だけを貼り付けて保存し、もう一度送ってください。")                                                                        \
	X(E_XLSX_TOO_LARGE, ERROR, "展開後のサイズが上限を超えるブック",                                                                                           \
	  "不要なシートや書式を削除するか、提出する表だけのブックにしてください。")                                                                                \
	X(E_TOO_MANY_CELLS, ERROR, "セルが多すぎるシート",                                                                                                         \
	  "提出する表だけを残したシートにしてください（上限は設定 limits で変えられます）。")                                                                      \
	X(E_TEXT_TOO_LARGE, ERROR, "セルの文字が多すぎるブック",                                                                                                   \
	  "同じ長い文字列を多くのセルに貼り付けていないか確認し、提出する表だけのブックにしてくだ"                      \
	  "さい（上限は設定 limits で変えられます）。") /* tables */                                                                                               \
	X(W_UNRECOGNISED, WARNING, "表の種類が分からない",                                                                                                         \
	  "提出する表なら、1〜10行目に見出しの行（KPI_ID・実績値など必須の列名）を入れて送り直してください。メモなど提出しない表なら、何もしなくてかまいません。") \
	X(W_IGNORED_FILE, WARNING, "対象外のファイル",                                                                                                             \
	  "提出には CSV か Excel ブック（.xlsx）を使ってください。")                                                                                               \
	X(W_OWN_OUTPUT, WARNING, "kaikaku が出力したブック",                                                                                                       \
	  "集計結果のブックは入力フォルダに置かないでください。")                                                                                                  \
	X(W_FOLDER_SKIPPED, WARNING, "読まなかったフォルダ",                                                                                                       \
	  "シンボリックリンクの循環や深すぎる階層をなくしてください（PMO の作業です）。")                                                                          \
	X(W_FILE_NAME, WARNING, "UTF-8 ではないファイル名",                                                                                                        \
	  "ファイル名やフォルダ名を付け直すか、zip "                                                                                             \
	  "は名前の文字コードを正しく扱う方法で展開し直してください（PMO の作業です）。")                                                                          \
	X(W_DUPLICATE_COLUMN, WARNING, "同じ見出しの列が複数ある",                                                                                                 \
	  "最初の列だけを使いました。不要な列を削除してください。") /* values */                                                                                   \
	X(E_REQUIRED, ERROR, "必須の値が空", "値を入力してください。")                                                                                             \
	X(E_BAD_NUMBER, ERROR, "数値ではない",                                                                                                                     \
	  "数値だけを入力してください（例: "                                                                                                        \
	  "1234、1,234、12.5、△3、85%）。単位や文字は入れません。")                                                                                                \
	X(E_NEGATIVE, ERROR, "負の値", "0 以上の値を入力してください。")                                                                                           \
	X(E_NUMBER_TOO_LARGE, ERROR, "数値が大きすぎる",                                                                                                           \
	  "絶対値が 10 の 15 "                                                                                                                                \
	  "乗（1,"                                                                                                                                               \
	  "000兆）未満の数値を入力してください（電話番号などを貼り付けていないか確認してください"                         \
	  "）。")                                                                                                                                                  \
	X(E_BAD_PERIOD, ERROR, "期間として読めない",                                                                                                               \
	  "2026Q3、令和8年度第3四半期、R8年度末、2026/9/30 のように入力してください。")                                                                            \
	X(E_NO_PERIOD, ERROR, "報告期間が分からない",                                                                                                              \
	  "「報告期間」の列に 2026Q3 のように期間を入れて送り直してください（PMO は、期間の名前のフォルダ（例: submissions/2026Q3/）に置いても直せます）。")       \
	X(E_CELL_ERROR, ERROR, "セルが Excel のエラー値",                                                                                                          \
	  "数式の参照先を直し、エラー（#REF! など）が出ない値にしてください。")                                                                                    \
	X(E_FORMULA_NO_VALUE, ERROR, "数式の結果が保存されていない",                                                                                               \
	  "Excel で開いて再計算し、保存し直してください（または値として貼り付けてください）。")                                                                    \
	X(E_BAD_PILLAR, ERROR, "柱の名前が違う",                                                                                                                   \
	  "施策の3本柱のいずれか（市民サービスの改善・向上／庁内効率化と働き方改革／人材育成によ"                        \
	  "る職員力向上）を入力してください。")                                                                                                                    \
	X(E_BAD_STATUS, ERROR, "状況の言葉が違う",                                                                                                                 \
	  "「状況」を 未着手・進行中・完了・遅延・中止 のどれかにして送り直してください（フィードバックのブックでは一覧から選べます）。")                          \
	X(E_PROGRESS_RANGE, ERROR, "進捗率が 0〜100 の範囲外",                                                                                                     \
	  "進捗率は 0〜100（% を付けても可）で入力してください。")                                                                                                 \
	X(E_TARGET_EQUALS_BASELINE, ERROR, "目標値が基準値と同じ",                                                                                                 \
	  "目標値と基準値は異なる値にしてください（増やす指標か減らす指標かがそこから決まります）"                      \
	  "。")                                                                                                                                                    \
	X(E_PERIOD_ORDER, ERROR, "目標時点が基準時点より後でない",                                                                                                 \
	  "目標時点は基準時点より後の期間にしてください。") /* references and rules */                                                                             \
	X(E_DUPLICATE_ID, ERROR, "ID の重複",                                                                                                                      \
	  "ID は種類ごとに一意にしてください。後の行は使っていません。")                                                                                           \
	X(E_UNKNOWN_DIVISION, ERROR, "課が課マスタにない",                                                                                                         \
	  "課マスタにある課コードか課名を入力してください。")                                                                                                      \
	X(E_AMBIGUOUS_DIVISION, ERROR, "課が1つに決まらない",                                                                                                      \
	  "課名が複数の課に当てはまります。課コードで入力してください。")                                                                                          \
	X(E_UNKNOWN_MEASURE, ERROR, "施策IDが施策マスタにない",                                                                                                    \
	  "施策マスタにある施策IDを入力してください。")                                                                                                            \
	X(E_UNKNOWN_KPI, ERROR, "KPI_ID が KPIマスタにない",                                                                                                       \
	  "KPIマスタにある KPI_ID を入力してください（フィードバックのブックに一覧があります）。")                                                                 \
	X(E_UNKNOWN_MILESTONE, ERROR, "マイルストーンIDがマスタにない",                                                                                            \
	  "マイルストーンのマスタにある ID を入力してください。")                                                                                                  \
	X(E_REF_REJECTED, ERROR, "マスタの行のエラーで使えない行",                                                                                                 \
	  "この行の誤りではありません。PMO がマスタの行を直せば、次の晩からこの行も使われます（課の作業はありません）。")                                          \
	X(E_WRONG_DIVISION, ERROR, "他の課が担当する項目の報告",                                                                                                   \
	  "自分の課が担当する KPI・マイルストーンだけを報告してください。担当が変わったのなら、PMO にマスタの主担当課を直すよう伝えてください。")                  \
	X(E_CONFLICT, ERROR, "同じ期間に異なる値の報告",                                                                                                           \
	  "どちらの値も使っていません。正しくないほうのファイル（エラーの一覧のもう1行）を取り下げるか、2つを同じ値にして送り直してください。")                    \
	X(W_AFTER_PERIOD, WARNING, "集計する期間より後の報告",                                                                                                     \
	  "報告期間が正しいか確かめてください（正しければ、その期間の集計で使われます）。")                                                                        \
	X(W_START_AFTER_DUE, WARNING, "開始が期限より後",                                                                                                          \
	  "開始は期限と同じか前の期間にしてください（ロードマップでは期限の点として描いています）。")                                                              \
	X(W_NO_ACTION, WARNING, "遅れている項目に対応策がない",                                                                                                    \
	  "注意・遅延の KPI・マイルストーンには、遅れの理由と今後の対応を「対応策」の列に書いて送っ"                     \
	  "てください。")                                                                                                                                          \
	X(W_NO_BASELINE, WARNING, "基準業務量のない課の業務量削減",                                                                                                \
	  "課の作業はありません。PMO が課マスタに基準業務量を入れれば、削減率に数えます。")                                                                        \
	X(W_IMPLAUSIBLE, WARNING, "基準業務量を超える削減時間",                                                                                                    \
	  "削減時間は年間の時間数です。桁や単位（分・円など）の誤り、電話番号などの貼り付けがない"                      \
	  "か確かめてください。") /* outputs */                                                                                                                    \
	X(W_GLYPH_MISSING, WARNING, "PDF のフォントにない文字",                                                                                                    \
	  "PDF "                                                                                                                                                   \
	  "でも正しく見せるには、この文字をフォントにある字（異体字なら通常の字）に置き換えてくだ"                      \
	  "さい。")                                                                                                                                                \
	X(W_RESTATED, WARNING, "公表済みの期の値の修正（過去期の修正）",                                                                                           \
	  "訂正なら、理由を PMO "                                                                                                                          \
	  "に伝えてください。意図しない変更なら、元の値のファイルに戻してください。")

enum diag_code {
#define DIAG_ENUM(code, sev, title, hint) code,
	DIAG_CODES(DIAG_ENUM)
#undef DIAG_ENUM
		DIAG__COUNT
};

/* Where a record points: file relative to the input folder; sheet NULL for
 * CSV; row 0 for the whole file or sheet. */
struct loc {
	const char *file;
	const char *sheet;
	int row;
};

struct diag {
	enum diag_code code;
	const char *file;
	const char *sheet;
	int row;
	const char *column; /* the header as written in the file, or NULL */
	const char *value;  /* the cell as written, or NULL */
	const char *message;
	size_t seq; /* order of addition, the last sort key */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	struct arena arena;    /* the records' strings */
	size_t print_per_file; /* diags_print's lines per input file (0: all; settings.h) */
};

/* A value quoted in a record (its value field and wherever its message quotes
 * it) is cut to this many characters, with "…" (issue 16: one long string in
 * many rows made gigabytes of messages). */
#define DIAG_QUOTE_CHARS 100

void diags_init(struct diags *d);
void diags_release(struct diags *d);
/* Moves from's records (and their strings) to the end of into, in their
 * order, as if added to into; from is then empty. */
void diags_append(struct diags *into, struct diags *from);
/*
 * Adds a record; the strings are copied. The message is the formatted detail
 * followed by the code's hint.
 */
void diag_add(struct diags *d, enum diag_code code, const struct loc *loc, const char *column,
	      const char *value, const char *fmt, ...) KK_PRINTF(6, 7);
/* s cut to DIAG_QUOTE_CHARS characters with "…" when longer, in out (reset
 * first); returns sb_str(out), or s itself when it is short enough. */
struct strbuf;
const char *diag_cut(const char *s, struct strbuf *out);
void diag_addv(struct diags *d, enum diag_code code, const struct loc *loc, const char *column,
	       const char *value, const char *fmt, va_list ap) KK_PRINTF(6, 0);
/* Sorts by file, sheet, row, column (then message and order of addition). */
void diags_sort(struct diags *d);
size_t diags_count(const struct diags *d, enum diag_severity sev);

const char *diag_code_name(enum diag_code code);
enum diag_severity diag_code_severity(enum diag_code code);
const char *diag_code_title(enum diag_code code);
const char *diag_code_hint(enum diag_code code);
/* "error" or "warning" */
const char *diag_severity_name(enum diag_severity sev);
/* The message a script or a log reads: "[E_CODE] message". Appended to out. */
struct strbuf;
void diag_format_line(const struct diag *g, struct strbuf *out);
/* Every record as a message line "kaikaku: エラー: file:sheet:row:column: [E_CODE] message",
 * to the log always (runlog.h) and to stderr when show; after print_per_file
 * lines of one input file, one line with the count of that file's others.
 * The records sorted (diags_sort). */
void diags_print(const struct diags *d, bool show);

#endif
