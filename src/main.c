/*
 * main.c - options, the stages of the pipeline in order, and exit statuses:
 * discover -> read/recognise/parse (ingest) -> model -> compute -> render ->
 * publish. 0: done, nothing rejected; 1: done, some input rejected;
 * 2: failed, nothing in the output folder changed.
 */
#include "kaikaku.h"

#include <getopt.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "attribution.h"
#include "briefing.h"
#include "compute.h"
#include "diag.h"
#include "discover.h"
#include "history.h"
#include "ingest.h"
#include "inspect.h"
#include "interpose.h"
#include "jobs.h"
#include "model.h"
#include "parse.h"
#include "period.h"
#include "present.h"
#include "progress.h"
#include "publish.h"
#include "render.h"
#include "runlog.h"
#include "settings.h"
#include "timing.h"

#define EXIT_REJECTED 1
#define EXIT_FAILED 2

static const char usage_line[] =
	"使い方: kaikaku run|validate [--input DIR] [--output DIR] [--period P] [--settings FILE]\n"
	"                             [--wait SECONDS] [--log FILE] [--jobs N] [--reopen] "
	"[--quiet]\n"
	"        kaikaku close P [--input DIR] [--output DIR] [--settings FILE]\n"
	"        kaikaku inspect FILE...\n"
	"        kaikaku codes | --help | --version\n";

static const char help_text[] =
	"kaikaku - 抜本的な業務改革の四半期レビューの集計（各課の提出物の検証・集計・出力）\n"
	"\n"
	"コマンド:\n"
	"  run       入力フォルダを読み、検証・集計して出力フォルダに書き出す\n"
	"  validate  読んで検証するだけで、何も書き出さない\n"
	"  inspect   ファイルごとに、kaikaku に見えている内容（文字コード・表の種類・見出し行・\n"
	"            行数・そのファイルだけで分かるエラー）を表示する\n"
	"  close P   四半期 P を確定する（最後に公表した値を確定とし、P "
	"を「確定」として出し直す）\n"
	"  codes     エラーコードの一覧を表示する\n"
	"\n"
	"オプション:\n"
	"  --input DIR      入力フォルダ（既定: input）\n"
	"  --output DIR     出力フォルダ（既定: output）。結果は DIR/<期間>/ に書く\n"
	"  --period P       集計する期間（例: "
	"2026Q3、R8年度第3四半期）。既定は提出のうち最新の期間\n"
	"  --settings FILE  設定ファイル（既定: templates/settings.xml）\n"
	"  --wait SECONDS   別の実行が出力フォルダを使っているとき待つ秒数（既定: 60）\n"
	"  --log FILE       メッセージを1行ずつ、日時（ISO 8601）と共に FILE に追記する（cron "
	"用）\n"
	"  --jobs N         並行して読み書きする数（読み込みのスレッド、出力を作るプロセス。既定: "
	"使える CPU の数）。結果は N によらず同じ\n"
	"  --reopen         確定した四半期を作り直す（履歴に記録し、資料は「速報」に戻る）\n"
	"  --quiet          終了ステータスが 0 のときは何も表示しない（--log には書く）\n"
	"  --help           この説明を表示する\n"
	"  --version        版を表示する\n"
	"\n"
	"終了ステータス:\n"
	"  0  完了。今期に関わる不採用の入力なし（警告や、前四半期より前の期間の行の不採用はあってもよい）\n"
	"  1  完了。ただし今期か前四半期の行、マスタの行、ファイルに不採用がある（errors_<期間>.csv を参照）\n"
	"  2  失敗。出力フォルダは何も変えていない\n";

struct opts {
	const char *command;
	const char *input;
	const char *output;
	const char *period;
	const char *settings;
	const char *log;
	unsigned jobs;
	double wait;
	bool quiet;
	bool reopen;
	char **files;
	int nfiles;
};

static int usage_error(const char *msg)
{
	if (msg) {
		struct strbuf line = STRBUF_INIT;

		sb_adds(&line, "kaikaku: エラー: ");
		sb_add_clean(&line, msg);
		runlog_say(true, sb_str(&line));
		sb_release(&line);
	}
	fputs(usage_line, stderr);
	return EXIT_FAILED;
}

static int fail(const char *msg)
{
	struct strbuf line = STRBUF_INIT;

	sb_adds(&line, "kaikaku: エラー: ");
	sb_add_clean(&line, msg);
	sb_adds(&line, "。出力フォルダは変更していません。");
	runlog_say(true, sb_str(&line));
	sb_release(&line);
	return EXIT_FAILED;
}

static bool load_settings(const struct opts *o, struct settings *s, struct strbuf *err)
{
	char *path;
	bool ok = true;

	settings_defaults(s);
	path = o->settings ? xstrdup(o->settings) : settings_default_path();
	if (path)
		ok = settings_load(s, path, err);
	free(path);
	return ok;
}

/*
 * Renders every output into the publish folder, records the run in the
 * history (committed first) and swaps the folder into place; a folder that
 * cannot be swapped takes its record back out (history.h).
 */
static bool write_outputs(const struct opts *o, struct render_input *in, struct publish *pb,
			  struct history_run *run, struct strbuf *err)
{
	struct history *h = NULL;
	char *root_dir;
	bool ok;

	run->exit_status = in->exit_status;
	run->published_dir = pb->tmp;
	/* files of the output folder itself (feed.xml) are written aside and
	 * moved into place with the period folder (publish.h) */
	if (!(root_dir = publish_root_dir(pb, err)))
		return false;
	in->dir = pb->tmp;
	in->jobs = o->jobs;
	in->root = o->output;
	in->root_dir = root_dir;
	ok = render_all(in, err);
	in->dir = NULL;
	in->root = in->root_dir = NULL;
	free(root_dir);
	if (!ok)
		return false;
	/* opened anew: no connection may cross the workers' fork (SQLite's rule) */
	progress_stage(present_stage_words("history"), 0);
	ok = history_open(o->output, true, o->wait, &h, err) && history_record(h, run, err);
	timing_lap("history");
	progress_stage(present_stage_words("publish"), 0);
	if (!ok) {
		history_close(h);
		return false;
	}
	ok = publish_commit(pb, err);
	if (!ok) {
		struct strbuf ignore = STRBUF_INIT;

		/* if even this fails, the next run's repair removes the record */
		history_forget_last(h, &ignore);
		sb_release(&ignore);
	}
	history_close(h);
	timing_lap("publish");
	return ok;
}

/* What cmd_run does: run (write), validate (read only), close (write, 確定). */
enum mode { MODE_RUN, MODE_VALIDATE, MODE_CLOSE };

/*
 * The checks of the quarter's closing (contract §6) once the history is open
 * and the input read: close needs a quarter published from the same input
 * and not closed yet; a run for a closed quarter needs --reopen. Sets what
 * the run records and whether its outputs say 確定. False with the reason.
 */
static bool closing(const struct opts *o, enum mode mode, struct history *h, const struct parsed *p,
		    int period, struct history_run *run, bool *final, struct strbuf *err)
{
	char at[32], last[65], now[65], pc[PERIOD_CODE_MAX];
	bool closed = history_closed(h, period, at);

	period_code(period, pc);
	run->closure = CLOSURE_NONE;
	*final = false;
	if (mode == MODE_CLOSE) {
		if (closed) {
			sb_addf(err, "%s は %s に確定済みです", pc, at);
			return false;
		}
		if (!history_last_inputs(h, period, last)) {
			sb_addf(err,
				"%s はまだ公表していないため確定できません（先に kaikaku run "
				"--period %s）",
				pc, pc);
			return false;
		}
		history_inputs_hash(p, now);
		if (strcmp(last, now) != 0) {
			sb_addf(err,
				"入力フォルダ %s が %s "
				"を公表したときと変わっているため確定できません"
				"（kaikaku run --period %s "
				"で公表し直し、確かめてから確定してください）",
				o->input, pc, pc);
			return false;
		}
		run->closure = CLOSURE_CLOSE;
		*final = true;
	} else if (mode == MODE_RUN && closed) {
		if (!o->reopen) {
			sb_addf(err,
				"%s は %s に確定しています（kaikaku close）。作り直すには --reopen "
				"を付けてください",
				pc, at);
			return false;
		}
		run->closure = CLOSURE_REOPEN;
	}
	return true;
}

static int cmd_run(const struct opts *o, enum mode mode)
{
	bool write = mode != MODE_VALIDATE;
	struct settings s;
	struct discovered found = {0};
	struct parsed p;
	struct diags d;
	struct model m;
	struct model_counts counts;
	struct attribution a;
	size_t bearing = 0; /* errors that bear on P */
	struct result r, prev;
	struct briefing b;
	struct strbuf err = STRBUF_INIT;
	struct compute_params cp;
	struct review_template layout;
	struct ttf_coverage cov = {0};
	int status = EXIT_FAILED, period = PERIOD_NONE;
	bool have_model = false, have_result = false, write_ok;

	timing_lap(NULL);
	progress_init(!o->quiet);
	parsed_init(&p);
	diags_init(&d);
	review_template_defaults(&layout);
	if (!load_settings(o, &s, &err)) {
		status = fail(sb_str(&err));
		goto out;
	}
	d.print_per_file = (size_t)s.messages_per_file;
	review_template_release(&layout);
	if (!render_load_layout(&s, &layout, &cov, &err)) {
		status = fail(sb_str(&err));
		goto out;
	}
	if (mode == MODE_CLOSE && !o->period) {
		status = usage_error(
			"close には確定する期間を指定してください（例: kaikaku close 2026Q3）");
		goto out;
	}
	if (o->period && !period_parse(o->period, &period, NULL)) {
		sb_addf(&err, "--period の「%s」は期間として読めません（例: 2026Q3）", o->period);
		status = usage_error(sb_str(&err));
		goto out;
	}
	timing_lap("setup");
	if (!discover(o->input, write ? o->output : NULL, &found, &d, &err)) {
		status = fail(sb_str(&err));
		goto out;
	}
	progress_stage(present_stage_words("read"), found.n);
	ingest_files(&p, &found, &s, &d, o->jobs);
	timing_lap("read");
	progress_stage(present_stage_words("compute"), 0);
	{
		static const enum table_kind needed[] = {KIND_DIVISIONS, KIND_MEASURES, KIND_KPIS};
		struct strbuf missing = STRBUF_INIT;

		for (size_t i = 0; i < ARRAY_LEN(needed); i++)
			if (!p.seen[needed[i]])
				sb_addf(&missing, "%s%s", missing.len ? "・" : "",
					kind_def(needed[i])->ja);
		if (missing.len) {
			sb_addf(&err, "入力フォルダ %s に %s の表が見つかりません", o->input,
				sb_str(&missing));
			sb_release(&missing);
			diags_sort(&d);
			diags_print(&d, !o->quiet);
			status = fail(sb_str(&err));
			goto out;
		}
	}
	model_build(&m, &counts, &p, &d);
	attribution_build(&a, &m, &p);
	have_model = true;
	if (period == PERIOD_NONE)
		period = compute_default_period(&m);
	if (period == PERIOD_NONE) {
		diags_sort(&d);
		diags_print(&d, !o->quiet);
		status = fail(m.nperiods
				      ? "集計する期間が決められません（提出した課が全体の4分の1以上"
					"の期間がありません。--period で期間を指定してください）"
				      : "集計する期間が決められません（採用された提出の行がなく、--"
					"period もありません）");
		goto out;
	}
	parsed_warn_after_period(&p, period, &d);
	cp.period = period;
	cp.on_track_factor = s.on_track_factor;
	cp.at_risk_factor = s.at_risk_factor;
	cp.kgi_target = s.kgi_target;
	cp.npillars = s.npillars;
	compute(&m, &cp, &r);
	/* the quarter before, for 前期状況: the same rules at P − 1 */
	cp.period = period - 1;
	compute(&m, &cp, &prev);
	cp.period = period;
	{
		struct briefing_params bp = {s.kgi_target, s.on_track_factor, s.at_risk_factor,
					     s.kgi_start, s.kgi_due};

		briefing_build(&m, &r, &prev, &bp, &b);
	}
	have_result = true;
	compute_implausible(&m, &r, &d);
	briefing_warn(&m, &r, &b, &d);
	{
		struct render_input in = {.m = &m,
					  .a = &a,
					  .r = &r,
					  .prev = &prev,
					  .b = &b,
					  .p = &p,
					  .counts = &counts,
					  .d = &d,
					  .s = &s,
					  .layout = &layout,
					  .cov = &cov,
					  .restatements = -1};
		struct publish pb;
		struct history *h = NULL;
		struct restatements rs = {0};
		render_input_labels(&in);
		/* the history is read and written inside the output folder's lock */
		write_ok = !write || publish_begin(&pb, o->output, in.labels.code, o->wait, &err);
		struct history_run run = {&m, &r, &p, &d, &rs, 0, NULL, CLOSURE_NONE};

		write_ok = write_ok && history_open(o->output, write, o->wait, &h, &err) &&
			   closing(o, mode, h, &p, period, &run, &in.final, &err) &&
			   history_restatements(h, &m, period, &rs, &d, &err);
		history_close(h);
		render_input_labels(&in);
		in.restatements = rs.known ? (long)rs.n : -1;
		in.restated = &rs;
		render_check(&in, &d);
		diags_sort(&d);
		timing_lap("compute");
		/* 1 only for rejections that bear on P: an old quarter's error is
		 * reported, but does not make cron mail every night (contract §5) */
		bearing = attribution_errors_bearing_on(&a, &d, period);
		status = in.exit_status = bearing ? EXIT_REJECTED : 0;
		if (write && write_ok)
			write_ok = write_outputs(o, &in, &pb, &run, &err);
		if (write) { /* also after a failed publish_begin, as it asks */
			if (!write_ok)
				publish_abort(&pb);
			publish_end(&pb);
		}
		restatements_release(&rs);
	}
	if (!write_ok) {
		diags_print(&d, false);
		status = fail(sb_str(&err));
		goto out;
	}
	{
		char code[PERIOD_CODE_MAX];
		struct strbuf line = STRBUF_INIT;
		bool show = !o->quiet || status != 0;

		diags_print(&d, show);
		period_code(period, code);
		sb_addf(&line,
			"kaikaku: %s: 入力 %zu ファイル（表 %zu）、課 %zu・施策 %zu・KPI "
			"%zu、エラー %zu 件・警告 %zu 件",
			code, p.nfiles, p.ntables, m.ndivisions, m.nmeasures, m.nkpis,
			diags_count(&d, SEV_ERROR), diags_count(&d, SEV_WARNING));
		if (bearing < diags_count(&d, SEV_ERROR))
			sb_addf(&line,
				"（エラーのうち %zu 件は前四半期より前の期間の行で、終了ステータスには数えません）",
				diags_count(&d, SEV_ERROR) - bearing);
		if (write) {
			sb_adds(&line, " → ");
			sb_add_clean(&line, o->output);
			sb_addf(&line, "/%s/", code);
		}
		sb_addf(&line, "（終了ステータス %d）", status);
		runlog_say(show, sb_str(&line));
		sb_release(&line);
	}
out:
	if (have_result) {
		result_release(&r);
		result_release(&prev);
		briefing_release(&b);
	}
	if (have_model) {
		attribution_release(&a);
		model_release(&m);
		model_counts_release(&counts);
	}
	discovered_release(&found);
	parsed_release(&p);
	diags_release(&d);
	settings_release(&s);
	review_template_release(&layout);
	ttf_coverage_release(&cov);
	sb_release(&err);
	return status;
}

static int cmd_inspect(const struct opts *o)
{
	struct settings s;
	struct strbuf err = STRBUF_INIT;
	int status;

	if (o->nfiles == 0)
		return usage_error("inspect にはファイルを指定してください");
	if (!load_settings(o, &s, &err)) {
		status = fail(sb_str(&err));
		sb_release(&err);
		settings_release(&s);
		return status;
	}
	status = inspect_files(o->files, o->nfiles, &s, stdout);
	if (fflush(stdout) != 0)
		status = EXIT_FAILED;
	settings_release(&s);
	sb_release(&err);
	return status;
}

static int cmd_codes(void)
{
	for (int c = 0; c < DIAG__COUNT; c++)
		printf("%s\t%s\t%s\t%s\n", diag_code_name((enum diag_code)c),
		       diag_severity_name(diag_code_severity((enum diag_code)c)),
		       diag_code_title((enum diag_code)c), diag_code_hint((enum diag_code)c));
	return fflush(stdout) == 0 ? 0 : EXIT_FAILED;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"input", required_argument, NULL, 'i'},
		{"output", required_argument, NULL, 'o'},
		{"period", required_argument, NULL, 'p'},
		{"settings", required_argument, NULL, 's'},
		{"wait", required_argument, NULL, 'w'},
		{"quiet", no_argument, NULL, 'q'},
		{"reopen", no_argument, NULL, 'r'},
		{"log", required_argument, NULL, 'l'},
		{"jobs", required_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct opts o = {NULL, "input", "output", NULL, NULL, NULL, 0, 60, false, false, NULL, 0};
	int c;

	xalloc_setup();
	/* over a file-size limit (ulimit -f), write(2) fails with EFBIG and the
	 * run fails cleanly (exit 2, outputs untouched) instead of being killed */
	signal(SIGXFSZ, SIG_IGN);
	kk_set_fatal_say(runlog_say_fatal);
	{
		char err[512];

		if (!interpose_check(err, sizeof(err))) {
			runlog_say(true, err);
			return EXIT_FAILED;
		}
	}
	o.jobs = jobs_cpus();

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1 || optind < argc) {
		if (c == -1) {
			/* a command or a file between options */
			if (!o.command)
				o.command = argv[optind];
			else {
				o.files = xrealloc(o.files,
						   (size_t)(o.nfiles + 1) * sizeof(*o.files));
				o.files[o.nfiles++] = argv[optind];
			}
			optind++;
			continue;
		}
		switch (c) {
		case 'i':
			o.input = optarg;
			break;
		case 'o':
			o.output = optarg;
			break;
		case 'p':
			o.period = optarg;
			break;
		case 's':
			o.settings = optarg;
			break;
		case 'w': {
			char *end;

			o.wait = strtod(optarg, &end);
			if (end == optarg || *end || !(o.wait >= 0 && o.wait <= 86400)) {
				free(o.files);
				return usage_error("--wait には 0〜86400 の秒数を指定してください");
			}
			break;
		}
		case 'q':
			o.quiet = true;
			break;
		case 'r':
			o.reopen = true;
			break;
		case 'l':
			o.log = optarg;
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);

			if (end == optarg || *end || n < 1 || n > 256) {
				free(o.files);
				return usage_error("--jobs には 1〜256 の数を指定してください");
			}
			o.jobs = (unsigned)n;
			break;
		}
		case 'h':
			fputs(help_text, stdout);
			fputs("\n", stdout);
			fputs(usage_line, stdout);
			free(o.files);
			return 0;
		case 'V':
			printf("kaikaku %s\n", KAIKAKU_VERSION);
			free(o.files);
			return 0;
		default: {
			char msg[256];

			if (optopt)
				snprintf(msg, sizeof(msg), "オプション「-%c」は使えません", optopt);
			else
				snprintf(msg, sizeof(msg),
					 "オプション「%s」は使えないか、値がありません",
					 argv[optind - 1]);
			free(o.files);
			return usage_error(msg);
		}
		}
	}
	{
		int status;
		struct timespec t0, t1;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (o.log) {
			struct strbuf line = STRBUF_INIT, err = STRBUF_INIT;

			if (!runlog_open(o.log, &err)) {
				status = usage_error(sb_str(&err));
				sb_release(&err);
				free(o.files);
				return status;
			}
			sb_addf(&line, "kaikaku: 開始: kaikaku %s", KAIKAKU_VERSION);
			for (int i = 1; i < argc; i++) {
				sb_addc(&line, ' ');
				sb_add_clean(&line, argv[i]);
			}
			runlog_say(false, sb_str(&line));
			sb_release(&line);
		}
		if (!o.command)
			status = usage_error(NULL);
		else if (strcmp(o.command, "run") == 0 && o.nfiles == 0)
			status = cmd_run(&o, MODE_RUN);
		else if (strcmp(o.command, "validate") == 0 && o.nfiles == 0)
			status = cmd_run(&o, MODE_VALIDATE);
		else if (strcmp(o.command, "close") == 0 && o.nfiles <= 1 && !o.reopen) {
			if (o.nfiles == 1)
				o.period = o.files[0];
			status = cmd_run(&o, MODE_CLOSE);
		} else if (strcmp(o.command, "inspect") == 0)
			status = cmd_inspect(&o);
		else if (strcmp(o.command, "codes") == 0 && o.nfiles == 0)
			status = cmd_codes();
		else {
			char msg[256];

			snprintf(msg, sizeof(msg), "「%s」は kaikaku のコマンドではありません",
				 o.nfiles ? o.files[0] : o.command);
			status = usage_error(msg);
		}
		if (o.log) {
			char line[128];

			clock_gettime(CLOCK_MONOTONIC, &t1);
			snprintf(line, sizeof(line), "kaikaku: 終了: 終了ステータス %d（%.1f 秒）",
				 status,
				 (double)(t1.tv_sec - t0.tv_sec) +
					 (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
			runlog_say(false, line);
			runlog_close();
		}
		free(o.files);
		return status;
	}
}
