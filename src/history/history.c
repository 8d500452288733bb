/*
 * history.c - output/history.sqlite (history.h): open, migrate and repair,
 * the restatements, and a run's record in one transaction. Every statement
 * is prepared and its values bound: data never becomes SQL text.
 */
#include "kaikaku.h"

#include <errno.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>

#include "fs.h"
#include "history.h"
#include "number.h"
#include "period.h"
#include "sha256.h"
#include "status.h"

/* "kkh1": marks the file as kaikaku's history (PRAGMA application_id). */
#define APPLICATION_ID 0x6B6B6831

/* The schema of version 1, from src/history/schema.sql (made by the Makefile). */
#include "migrate_v2_sql.h"
#include "schema_sql.h"

struct history {
	sqlite3 *db;
	char *path;
	sqlite3_int64 last_run; /* recorded by this process, 0: none */
};

/* Why the last call failed, for people: the system's reason when there is
 * one (a full disk, an I/O error), else SQLite's kind of failure. */
static const char *db_reason(struct history *h)
{
	int e = sqlite3_system_errno(h->db);

	if (e)
		return fs_strerror(e);
	switch (sqlite3_errcode(h->db) & 0xFF) {
	case SQLITE_FULL:
		return fs_strerror(ENOSPC);
	case SQLITE_IOERR:
		return fs_strerror(EIO);
	case SQLITE_NOMEM:
		return fs_strerror(ENOMEM);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "ほかのプログラムが使っています（待っても空きませんでした）";
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return fs_strerror(EACCES);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "壊れています";
	default:
		return sqlite3_errmsg(h->db);
	}
}

static bool db_fail(struct history *h, const char *what, struct strbuf *err)
{
	sb_addf(err, "履歴ファイル %s を%s: %s", h->path, what, db_reason(h));
	return false;
}

static bool exec(struct history *h, const char *sql, struct strbuf *err)
{
	if (sqlite3_exec(h->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(h, "更新できません", err);
	return true;
}

static sqlite3_stmt *prepare(struct history *h, const char *sql, struct strbuf *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(h, "読めません", err);
		return NULL;
	}
	return st;
}

static long pragma_int(struct history *h, const char *sql, struct strbuf *err)
{
	sqlite3_stmt *st = prepare(h, sql, err);
	long v = -1;

	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	else
		db_fail(h, "読めません", err);
	sqlite3_finalize(st);
	return v;
}

/* ---- opening: version, creation, migration, repair */

/* The schema of version 1 and the step to version 2, line by line. */
static const char *const schema_v1[] = {SCHEMA_SQL};
static const char *const migrate_v2[] = {MIGRATE_V2_SQL};

/* Migrations: the SQL that takes version i to i + 1 (0: creation), as lines. */
static const struct {
	const char *const *lines;
	size_t n;
} migrations[HISTORY_VERSION] = {
	{schema_v1, ARRAY_LEN(schema_v1)},
	{migrate_v2, ARRAY_LEN(migrate_v2)},
};

static bool migrate(struct history *h, long version, struct strbuf *err)
{
	struct strbuf sql = STRBUF_INIT;
	bool ok;

	if (!exec(h, "BEGIN IMMEDIATE", err))
		return false;
	ok = true;
	for (long v = version; v < HISTORY_VERSION && ok; v++) {
		struct strbuf step = STRBUF_INIT;

		for (size_t i = 0; i < migrations[v].n; i++)
			sb_adds(&step, migrations[v].lines[i]);
		ok = exec(h, sb_str(&step), err);
		sb_release(&step);
	}
	sb_addf(&sql, "PRAGMA application_id = %d; PRAGMA user_version = %d", APPLICATION_ID,
		HISTORY_VERSION);
	ok = ok && exec(h, sb_str(&sql), err) && exec(h, "COMMIT", err);
	if (!ok)
		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	sb_release(&sql);
	return ok;
}

/* The newest run of each period whose folder is not what it recorded was
 * never published (killed between the commit and the rename): removed. */
static bool repair(struct history *h, const char *outdir, struct strbuf *err)
{
	for (;;) {
		sqlite3_stmt *st =
			prepare(h,
				"SELECT run_id, period, manifest_sha256 FROM latest_runs "
				"ORDER BY run_id",
				err);
		sqlite3_int64 stale = 0;

		if (!st)
			return false;
		while (!stale && sqlite3_step(st) == SQLITE_ROW) {
			struct strbuf path = STRBUF_INIT, data = STRBUF_INIT, ignore = STRBUF_INIT;
			char hex[65];

			sb_addf(&path, "%s/%s/manifest.json", outdir,
				(const char *)sqlite3_column_text(st, 1));
			if (!fs_read_file(sb_str(&path), &data, &ignore) ||
			    (sha256_hex(data.buf ? data.buf : "", data.len, hex),
			     strcmp(hex, (const char *)sqlite3_column_text(st, 2)) != 0))
				stale = sqlite3_column_int64(st, 0);
			sb_release(&path);
			sb_release(&data);
			sb_release(&ignore);
		}
		sqlite3_finalize(st);
		if (!stale)
			return true;
		st = prepare(h, "DELETE FROM runs WHERE run_id = ?", err);
		if (!st)
			return false;
		sqlite3_bind_int64(st, 1, stale);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return db_fail(h, "修復できません", err);
		}
		sqlite3_finalize(st);
	}
}

bool history_open(const char *outdir, bool write, double wait_seconds, struct history **out,
		  struct strbuf *err)
{
	struct history *h = xcalloc(1, sizeof(*h));
	struct strbuf path = STRBUF_INIT;
	struct stat sb;
	long app, version, tables;
	bool exists;

	*out = NULL;
	sb_addf(&path, "%s/" HISTORY_FILE, outdir);
	h->path = sb_detach(&path);
	exists = stat(h->path, &sb) == 0;
	if (!exists && !write) {
		history_close(h);
		return true;
	}
	if (exists && !S_ISREG(sb.st_mode)) {
		sb_addf(err, "履歴ファイル %s が普通のファイルではありません", h->path);
		goto fail;
	}
	if (sqlite3_open_v2(h->path, &h->db,
			    write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
				  : SQLITE_OPEN_READONLY,
			    NULL) != SQLITE_OK) {
		sb_addf(err, "履歴ファイル %s を開けません: %s", h->path,
			h->db ? sqlite3_errmsg(h->db) : "メモリが足りません");
		goto fail;
	}
	sqlite3_busy_timeout(h->db, (int)(wait_seconds * 1000));
	sqlite3_extended_result_codes(h->db, 1);
	app = pragma_int(h, "PRAGMA application_id", err);
	version = app < 0 ? -1 : pragma_int(h, "PRAGMA user_version", err);
	tables = version < 0 ? -1 : pragma_int(h, "SELECT count(*) FROM sqlite_schema", err);
	if (app < 0 || version < 0 || tables < 0) {
		sb_reset(err);
		sb_addf(err,
			"履歴ファイル %s が壊れているか、SQLite "
			"のデータベースではありません（%s）。"
			"消さずに保存し、直すか別の場所に移してください",
			h->path, sqlite3_errmsg(h->db));
		goto fail;
	}
	if (tables > 0 && app != APPLICATION_ID) {
		sb_addf(err, "履歴ファイル %s は kaikaku の履歴ではありません（別のデータベース）",
			h->path);
		goto fail;
	}
	if (version > HISTORY_VERSION) {
		sb_addf(err,
			"履歴ファイル %s は新しい版の kaikaku が書いたものです（形式 %ld、この "
			"kaikaku は %d まで）。"
			"kaikaku を新しくしてください",
			h->path, version, HISTORY_VERSION);
		goto fail;
	}
	if (!write) {
		*out = h;
		return true;
	}
	if (!exec(h,
		  "PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE; "
		  "PRAGMA synchronous = FULL",
		  err))
		goto fail;
	if (version < HISTORY_VERSION && !migrate(h, tables ? version : 0, err))
		goto fail;
	if (!repair(h, outdir, err))
		goto fail;
	*out = h;
	return true;
fail:
	history_close(h);
	return false;
}

void history_close(struct history *h)
{
	if (!h)
		return;
	if (h->db)
		sqlite3_close(h->db);
	free(h->path);
	free(h);
}

/* ---- restatements */

void restatements_release(struct restatements *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].item);
		free(r->v[i].published);
		free(r->v[i].now);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static char *number_text(double v)
{
	char buf[40];

	number_format(v, buf, sizeof(buf));
	return xstrdup(buf);
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Adds a restatement unless the two values agree; takes published and now. */
static void restated(struct restatements *out, int q, const char *kind, const char *item,
		     char *published, char *now, const struct src *src, long division)
{
	struct restatement *r;

	if (same(published, now)) {
		free(published);
		free(now);
		return;
	}
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	r = &out->v[out->n++];
	r->period = q;
	r->kind = kind;
	r->item = xstrdup(item);
	r->published = published;
	r->now = now;
	r->src = src;
	r->division = division;
}

/* A milestone report as one value: "進行中 60%". */
static char *report_text(const char *status, bool has_progress, double progress)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, status);
	if (has_progress) {
		char buf[40];

		number_format(progress, buf, sizeof(buf));
		sb_addf(&sb, " %s%%", buf);
	}
	return sb_detach(&sb);
}

static void restate_kpis(struct history *h, sqlite3_int64 run, int q, const struct model *m,
			 struct restatements *out, struct strbuf *err)
{
	sqlite3_stmt *st = prepare(h,
				   "SELECT kpi_id, actual FROM published_kpi WHERE run_id = ? "
				   "ORDER BY kpi_id",
				   err);

	if (!st)
		return;
	sqlite3_bind_int64(st, 1, run);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		long k = model_find_kpi(m, id);
		const struct actual *a = k >= 0 ? model_actual_at(m, (size_t)k, q) : NULL;
		char *was = sqlite3_column_type(st, 1) == SQLITE_NULL
				    ? NULL
				    : number_text(sqlite3_column_double(st, 1));

		if (k < 0) /* the KPI is gone from the masters: its rows with it */
			restated(out, q, "kpi", id, was, NULL, NULL, -1);
		else
			restated(out, q, "kpi", id, was, a ? number_text(a->value) : NULL,
				 a ? a->src : NULL, (long)m->measures[m->kpis[k].measure].lead);
	}
	sqlite3_finalize(st);
}

static void restate_milestones(struct history *h, sqlite3_int64 run, int q, const struct model *m,
			       struct restatements *out, struct strbuf *err)
{
	sqlite3_stmt *st =
		prepare(h,
			"SELECT milestone_id, reported, reported_period, progress "
			"FROM published_milestone WHERE run_id = ? ORDER BY milestone_id",
			err);
	char qc[PERIOD_CODE_MAX];

	if (!st)
		return;
	period_code(q, qc);
	sqlite3_bind_int64(st, 1, run);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *rp = (const char *)sqlite3_column_text(st, 2);
		long i = model_find_milestone(m, id);
		const struct report *now =
			i >= 0 ? model_report_at_or_before(m, (size_t)i, q) : NULL;
		char *was = NULL;

		/* the report for Q itself: one for an earlier period is not Q's value */
		if (rp && strcmp(rp, qc) == 0 && sqlite3_column_type(st, 1) != SQLITE_NULL)
			was = report_text((const char *)sqlite3_column_text(st, 1),
					  sqlite3_column_type(st, 3) != SQLITE_NULL,
					  sqlite3_column_double(st, 3));
		if (now && now->period != q)
			now = NULL;
		restated(out, q, "milestone", id, was,
			 now ? report_text(status_word(now->status), now->has_progress,
					   now->progress)
			     : NULL,
			 now ? now->src : NULL,
			 i >= 0 ? (long)m->measures[m->milestones[i].measure].lead : -1);
	}
	sqlite3_finalize(st);
}

static void restate_workload(struct history *h, sqlite3_int64 run, int q, const struct model *m,
			     struct restatements *out, struct strbuf *err)
{
	sqlite3_stmt *st = prepare(h,
				   "SELECT division_code, key, initiative, hours FROM "
				   "published_workload WHERE run_id = ? AND period = ? "
				   "ORDER BY division_code, key",
				   err);
	char qc[PERIOD_CODE_MAX];
	bool *seen = xcalloc(m->nworkloads + 1, sizeof(bool));

	if (!st) {
		free(seen);
		return;
	}
	period_code(q, qc);
	sqlite3_bind_int64(st, 1, run);
	sqlite3_bind_text(st, 2, qc, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);
		struct strbuf item = STRBUF_INIT;
		const struct workload *w = NULL;

		for (size_t i = 0; i < m->nworkloads && !w; i++) {
			const struct workload *c = &m->workloads[i];

			if (c->period == q && strcmp(c->key, key) == 0 &&
			    strcmp(m->divisions[c->division].code, code) == 0) {
				w = c;
				seen[i] = true;
			}
		}
		sb_addf(&item, "%s/%s", code, (const char *)sqlite3_column_text(st, 2));
		restated(out, q, "workload", sb_str(&item),
			 number_text(sqlite3_column_double(st, 3)),
			 w ? number_text(w->hours) : NULL, w ? w->src : NULL,
			 model_find_division(m, code));
		sb_release(&item);
	}
	sqlite3_finalize(st);
	/* rows for Q that the run for Q never saw (a late file) */
	for (size_t i = 0; i < m->nworkloads; i++) {
		const struct workload *w = &m->workloads[i];
		struct strbuf item = STRBUF_INIT;

		if (w->period != q || seen[i])
			continue;
		sb_addf(&item, "%s/%s", m->divisions[w->division].code, w->initiative);
		restated(out, q, "workload", sb_str(&item), NULL, number_text(w->hours), w->src,
			 (long)w->division);
		sb_release(&item);
	}
	free(seen);
}

static const char *kind_word(const char *kind)
{
	return strcmp(kind, "kpi") == 0         ? "KPI"
	       : strcmp(kind, "milestone") == 0 ? "マイルストーン"
						: "業務量削減";
}

static const char *kind_column(const char *kind)
{
	return strcmp(kind, "kpi") == 0         ? "実績値"
	       : strcmp(kind, "milestone") == 0 ? "状況"
						: "削減時間";
}

bool history_restatements(struct history *h, const struct model *m, int period,
			  struct restatements *out, struct diags *d, struct strbuf *err)
{
	sqlite3_stmt *st;
	size_t before = err->len;

	memset(out, 0, sizeof(*out));
	if (!h)
		return true;
	st = prepare(h, "SELECT run_id, period FROM latest_runs ORDER BY period", err);
	if (!st)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int q;

		if (!period_parse_quarter((const char *)sqlite3_column_text(st, 1), &q) ||
		    q >= period)
			continue;
		out->known = true;
		restate_kpis(h, sqlite3_column_int64(st, 0), q, m, out, err);
		restate_milestones(h, sqlite3_column_int64(st, 0), q, m, out, err);
		restate_workload(h, sqlite3_column_int64(st, 0), q, m, out, err);
	}
	sqlite3_finalize(st);
	if (err->len > before)
		return false;
	for (size_t i = 0; i < out->n; i++) {
		const struct restatement *r = &out->v[i];
		struct loc loc = {r->src ? r->src->file : NULL, r->src ? r->src->sheet : NULL,
				  r->src ? r->src->row : 0};
		char qc[PERIOD_CODE_MAX];

		period_code(r->period, qc);
		diag_add(d, W_RESTATED, &loc, r->src ? kind_column(r->kind) : NULL, r->now,
			 "%s に公表した %s「%s」の%sが変わっています（公表値 %s → 現在 %s）。", qc,
			 kind_word(r->kind), r->item, kind_column(r->kind),
			 r->published ? r->published : "なし", r->now ? r->now : "なし");
	}
	return true;
}

/* ---- a run's record */

static bool bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return (s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i)) ==
	       SQLITE_OK;
}

static void bind_period(sqlite3_stmt *st, int i, int p)
{
	char pc[PERIOD_CODE_MAX];

	if (p == PERIOD_NONE) {
		sqlite3_bind_null(st, i);
		return;
	}
	period_code(p, pc);
	bind_text(st, i, pc);
}

static bool step(struct history *h, sqlite3_stmt *st, struct strbuf *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_fail(h, "書けません", err);
	return true;
}

void history_inputs_hash(const struct parsed *p, char hex[65])
{
	struct sha256 s;

	sha256_init(&s);
	for (size_t i = 0; i < p->nfiles; i++) {
		sha256_update(&s, p->files[i].sha256, strlen(p->files[i].sha256));
		sha256_update(&s, "  ", 2);
		sha256_update(&s, p->files[i].path, strlen(p->files[i].path));
		sha256_update(&s, "\n", 1);
	}
	sha256_final_hex(&s, hex);
}

static bool record_run(struct history *h, const struct history_run *run, struct strbuf *err)
{
	sqlite3_stmt *st = prepare(h,
				   "INSERT INTO runs (period, exit_status, inputs_sha256, inputs, "
				   "errors, warnings, manifest_sha256) "
				   "VALUES (?, ?, ?, ?, ?, ?, ?)",
				   err);
	struct strbuf path = STRBUF_INIT, data = STRBUF_INIT;
	char inputs[65], manifest[65];
	bool ok;

	if (!st)
		return false;
	sb_addf(&path, "%s/manifest.json", run->published_dir);
	ok = fs_read_file(sb_str(&path), &data, err);
	if (ok) {
		sha256_hex(data.buf ? data.buf : "", data.len, manifest);
		history_inputs_hash(run->p, inputs);
		bind_period(st, 1, run->r->period);
		sqlite3_bind_int(st, 2, run->exit_status);
		bind_text(st, 3, inputs);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)run->p->nfiles);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)diags_count(run->d, SEV_ERROR));
		sqlite3_bind_int64(st, 6, (sqlite3_int64)diags_count(run->d, SEV_WARNING));
		bind_text(st, 7, manifest);
		ok = step(h, st, err);
		h->last_run = sqlite3_last_insert_rowid(h->db);
	}
	sqlite3_finalize(st);
	sb_release(&path);
	sb_release(&data);
	return ok;
}

static bool record_published(struct history *h, const struct history_run *run, struct strbuf *err)
{
	const struct model *m = run->m;
	const struct result *r = run->r;
	sqlite3_stmt *k = prepare(h, "INSERT INTO published_kpi VALUES (?, ?, ?, ?, ?, ?)", err);
	sqlite3_stmt *mi =
		prepare(h, "INSERT INTO published_milestone VALUES (?, ?, ?, ?, ?, ?)", err);
	sqlite3_stmt *me = prepare(h, "INSERT INTO published_measure VALUES (?, ?, ?)", err);
	sqlite3_stmt *w =
		prepare(h, "INSERT INTO published_workload VALUES (?, ?, ?, ?, ?, ?)", err);
	sqlite3_stmt *g = prepare(h, "INSERT INTO published_kgi VALUES (?, ?, ?, ?, ?, ?)", err);
	bool ok = k && mi && me && w && g;

	for (size_t i = 0; ok && i < m->nkpis; i++) {
		const struct kpi_result *kr = &r->kpis[i];

		sqlite3_bind_int64(k, 1, h->last_run);
		bind_text(k, 2, m->kpis[i].id);
		if (kr->actual) {
			sqlite3_bind_double(k, 3, kr->actual->value);
			sqlite3_bind_double(k, 4, kr->progress);
		}
		sqlite3_bind_double(k, 5, kr->expected);
		bind_text(k, 6, status_word(kr->status));
		ok = step(h, k, err);
	}
	for (size_t i = 0; ok && i < m->nmilestones; i++) {
		const struct milestone_result *mr = &r->milestones[i];

		sqlite3_bind_int64(mi, 1, h->last_run);
		bind_text(mi, 2, m->milestones[i].id);
		if (mr->report) {
			bind_text(mi, 3, status_word(mr->report->status));
			bind_period(mi, 4, mr->report->period);
			if (mr->report->has_progress)
				sqlite3_bind_double(mi, 5, mr->report->progress);
		}
		bind_text(mi, 6, status_word(mr->status));
		ok = step(h, mi, err);
	}
	for (size_t i = 0; ok && i < m->nmeasures; i++) {
		sqlite3_bind_int64(me, 1, h->last_run);
		bind_text(me, 2, m->measures[i].id);
		bind_text(me, 3, status_word(r->measures[i]));
		ok = step(h, me, err);
	}
	for (size_t i = 0; ok && i < r->nworkload_used; i++) {
		const struct workload *wl = &m->workloads[r->workload_used[i]];

		sqlite3_bind_int64(w, 1, h->last_run);
		bind_text(w, 2, m->divisions[wl->division].code);
		bind_text(w, 3, wl->initiative);
		bind_text(w, 4, wl->key);
		bind_period(w, 5, wl->period);
		sqlite3_bind_double(w, 6, wl->hours);
		ok = step(h, w, err);
	}
	for (size_t i = 0; ok && i < 1 + m->ndepartments + m->ndivisions; i++) {
		const struct kgi *v = i == 0 ? &r->kgi
				      : i <= m->ndepartments
					      ? &r->kgi_departments[i - 1]
					      : &r->kgi_divisions[i - 1 - m->ndepartments];

		sqlite3_bind_int64(g, 1, h->last_run);
		bind_text(g, 2, i == 0 ? "city" : i <= m->ndepartments ? "department" : "division");
		bind_text(g, 3,
			  i == 0                 ? ""
			  : i <= m->ndepartments ? m->departments[i - 1].name
						 : m->divisions[i - 1 - m->ndepartments].code);
		sqlite3_bind_double(g, 4, v->hours_saved);
		sqlite3_bind_double(g, 5, v->baseline_hours);
		if (v->rate >= 0)
			sqlite3_bind_double(g, 6, v->rate);
		ok = step(h, g, err);
	}
	sqlite3_finalize(k);
	sqlite3_finalize(mi);
	sqlite3_finalize(me);
	sqlite3_finalize(w);
	sqlite3_finalize(g);
	return ok;
}

/* One row of input_rows. */
static bool input_row(struct history *h, sqlite3_stmt *st, const char *kind, const char *item,
		      const char *division, int period, const char *value, bool has_progress,
		      double progress, const char *comment, const struct src *src,
		      struct strbuf *err)
{
	sqlite3_bind_int64(st, 1, h->last_run);
	bind_text(st, 2, kind);
	bind_text(st, 3, item);
	bind_text(st, 4, division);
	bind_period(st, 5, period);
	bind_text(st, 6, value);
	if (has_progress)
		sqlite3_bind_double(st, 7, progress);
	bind_text(st, 8, comment);
	bind_text(st, 9, src->file);
	bind_text(st, 10, src->sheet);
	sqlite3_bind_int(st, 11, src->row);
	return step(h, st, err);
}

static bool record_inputs(struct history *h, const struct history_run *run, struct strbuf *err)
{
	const struct model *m = run->m;
	sqlite3_stmt *st =
		prepare(h, "INSERT INTO input_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	bool ok = st != NULL;
	char num[40];

#define LEAD(ms) (m->divisions[m->measures[ms].lead].code)
	for (size_t i = 0; ok && i < m->ndivisions; i++)
		ok = input_row(h, st, "division", m->divisions[i].code, m->divisions[i].code,
			       PERIOD_NONE, m->divisions[i].name, false, 0, NULL,
			       m->divisions[i].src, err);
	for (size_t i = 0; ok && i < m->nmeasures; i++)
		ok = input_row(h, st, "measure", m->measures[i].id, LEAD(i), PERIOD_NONE,
			       m->measures[i].name, false, 0, NULL, m->measures[i].src, err);
	for (size_t i = 0; ok && i < m->nkpis; i++)
		ok = input_row(h, st, "kpi", m->kpis[i].id, LEAD(m->kpis[i].measure), PERIOD_NONE,
			       m->kpis[i].name, false, 0, NULL, m->kpis[i].src, err);
	for (size_t i = 0; ok && i < m->nmilestones; i++)
		ok = input_row(h, st, "milestone", m->milestones[i].id,
			       LEAD(m->milestones[i].measure), PERIOD_NONE,
			       m->milestones[i].description, false, 0, NULL, m->milestones[i].src,
			       err);
	for (size_t i = 0; ok && i < m->nactuals; i++) {
		const struct actual *a = &m->actuals[i];

		number_format(a->value, num, sizeof(num));
		ok = input_row(h, st, "kpi_actual", m->kpis[a->kpi].id,
			       LEAD(m->kpis[a->kpi].measure), a->period, num, false, 0, a->comment,
			       a->src, err);
	}
	for (size_t i = 0; ok && i < m->nreports; i++) {
		const struct report *rp = &m->reports[i];

		ok = input_row(h, st, "milestone_status", m->milestones[rp->milestone].id,
			       LEAD(m->milestones[rp->milestone].measure), rp->period,
			       status_word(rp->status), rp->has_progress, rp->progress, rp->comment,
			       rp->src, err);
	}
	for (size_t i = 0; ok && i < m->nworkloads; i++) {
		const struct workload *w = &m->workloads[i];

		number_format(w->hours, num, sizeof(num));
		ok = input_row(h, st, "workload", w->initiative, m->divisions[w->division].code,
			       w->period, num, false, 0, w->comment, w->src, err);
	}
#undef LEAD
	sqlite3_finalize(st);
	return ok;
}

static bool record_restatements(struct history *h, const struct restatements *rs,
				struct strbuf *err)
{
	sqlite3_stmt *st =
		prepare(h, "INSERT INTO restatements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	bool ok = st != NULL;

	for (size_t i = 0; ok && rs && i < rs->n; i++) {
		const struct restatement *r = &rs->v[i];

		sqlite3_bind_int64(st, 1, h->last_run);
		bind_period(st, 2, r->period);
		bind_text(st, 3, r->kind);
		bind_text(st, 4, r->item);
		bind_text(st, 5, r->published);
		bind_text(st, 6, r->now);
		if (r->src) {
			bind_text(st, 7, r->src->file);
			bind_text(st, 8, r->src->sheet);
			sqlite3_bind_int(st, 9, r->src->row);
		}
		ok = step(h, st, err);
	}
	sqlite3_finalize(st);
	return ok;
}

static bool record_closure(struct history *h, const struct history_run *run, struct strbuf *err)
{
	sqlite3_stmt *st;
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	bool ok;

	if (run->closure == CLOSURE_NONE)
		return true;
	st = prepare(h, "INSERT INTO closures (period, action, run_id, at) VALUES (?, ?, ?, ?)",
		     err);
	if (!st)
		return false;
	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	bind_period(st, 1, run->r->period);
	bind_text(st, 2, run->closure == CLOSURE_CLOSE ? "close" : "reopen");
	sqlite3_bind_int64(st, 3, h->last_run);
	bind_text(st, 4, when);
	ok = step(h, st, err);
	sqlite3_finalize(st);
	return ok;
}

bool history_closed(struct history *h, int period, char at[32])
{
	struct strbuf err = STRBUF_INIT;
	sqlite3_stmt *st;
	char pc[PERIOD_CODE_MAX];
	bool closed = false;

	if (!h)
		return false;
	st = prepare(h,
		     "SELECT action, at FROM closures WHERE period = ? ORDER BY rowid DESC LIMIT 1",
		     &err);
	sb_release(&err);
	if (!st)
		return false;
	period_code(period, pc);
	bind_text(st, 1, pc);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "close") == 0) {
		closed = true;
		snprintf(at, 32, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return closed;
}

bool history_last_inputs(struct history *h, int period, char hex[65])
{
	struct strbuf err = STRBUF_INIT;
	sqlite3_stmt *st;
	char pc[PERIOD_CODE_MAX];
	bool found = false;

	if (!h)
		return false;
	st = prepare(h, "SELECT inputs_sha256 FROM latest_runs WHERE period = ?", &err);
	sb_release(&err);
	if (!st)
		return false;
	period_code(period, pc);
	bind_text(st, 1, pc);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(hex, 65, "%s", (const char *)sqlite3_column_text(st, 0));
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

bool history_record(struct history *h, const struct history_run *run, struct strbuf *err)
{
	sqlite3_stmt *st;
	bool ok;

	if (!exec(h, "BEGIN IMMEDIATE", err))
		return false;
	ok = record_run(h, run, err) && record_published(h, run, err) &&
	     record_inputs(h, run, err) && record_restatements(h, run->restated, err) &&
	     record_closure(h, run, err);
	/* the rows read are kept for the latest run of each period only */
	if (ok && (st = prepare(h,
				"DELETE FROM input_rows WHERE run_id IN (SELECT run_id FROM runs "
				"WHERE period = (SELECT period FROM runs WHERE run_id = ?) "
				"AND run_id <> ?)",
				err))) {
		sqlite3_bind_int64(st, 1, h->last_run);
		sqlite3_bind_int64(st, 2, h->last_run);
		ok = step(h, st, err);
		sqlite3_finalize(st);
	} else {
		ok = false;
	}
	if (ok && exec(h, "COMMIT", err))
		return true;
	sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	h->last_run = 0;
	return false;
}

bool history_forget_last(struct history *h, struct strbuf *err)
{
	sqlite3_stmt *st;
	bool ok;

	if (!h || !h->last_run)
		return true;
	st = prepare(h, "DELETE FROM runs WHERE run_id = ?", err);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, h->last_run);
	ok = step(h, st, err);
	sqlite3_finalize(st);
	h->last_run = 0;
	return ok;
}
