/*
 * render.c - the table of outputs and the walk over it: each stage's outputs
 * planned, their files written as jobs in worker processes, then the next.
 */
#include "kaikaku.h"

#include <unistd.h>

#include "fs.h"
#include "jobs.h"
#include "names.h"
#include "progress.h"
#include "render.h"
#include "timing.h"

/*
 * Every output, in the order they are written. The outputs with a stage
 * that follow one another run as one set of jobs in the same worker
 * processes, the longest jobs first (the summary workbook and the review
 * pack, then the feedback workbooks, the department packs and the public
 * pages): one fork for all of them, and no worker waiting at the end of one
 * stage for the other's last job (at S, 0.46 s -> 0.36 s). Whatever one of
 * them reads comes before (the public pages show the open data's size); what
 * links to them after (配布). The manifest lists every file written before
 * it, so it comes after every file of the period folder; the feed, a file of
 * the output folder itself (publish.h), comes after it.
 */
extern const struct output output_summary, output_feedback, output_review, output_handout,
	output_errors, output_opendata, output_public, output_manifest, output_feed;

static const struct output *const outputs[] = {
	&output_opendata, /* opendata/kaikaku_kpi_<P>.csv (out_opendata.c) */
	&output_summary,  /* summary_<P>.xlsx (out_summary.c) */
	&output_review,   /* review_<P>.pdf, departments/<部>_<P>.pdf (out_review.c) */
	&output_feedback, /* feedback/<課コード>_<課>_<P>.xlsx (out_feedback.c) */
	&output_public,   /* public/ (out_public.c; links the open data) */
	&output_errors,   /* errors_<P>.csv (out_errors.c) */
	&output_handout, /* 配布/<部>/, 配布/配布一覧.csv (out_handout.c; links workbooks, packs) */
	&output_manifest, /* manifest.json (out_manifest.c) */
	&output_feed,     /* feed.xml in the output folder (out_feed.c) */
};

void render_input_labels(struct render_input *in)
{
	present_labels(&in->labels, in->layout->title, in->s->city, in->r->period, in->final);
}

void render_check(const struct render_input *in, struct diags *d)
{
	for (size_t i = 0; i < ARRAY_LEN(outputs); i++)
		if (outputs[i]->check)
			outputs[i]->check(in, d);
}

char **render_item_paths(const struct render_input *in, const char *dir, bool departments,
			 const char *ext)
{
	const struct model *m = in->m;
	size_t n = departments ? m->ndepartments : m->ndivisions;
	char **paths = xcalloc(n + 1, sizeof(*paths));
	struct name_set names;
	struct strbuf base = STRBUF_INIT;

	name_set_init(&names);
	for (size_t i = 0; i < n; i++) {
		sb_reset(&base);
		if (departments)
			sb_adds(&base, m->departments[i].name);
		else
			sb_addf(&base, "%s_%s", m->divisions[i].code, m->divisions[i].name);
		paths[i] = name_path(&names, dir, sb_str(&base), in->labels.code, ext);
	}
	name_set_release(&names);
	sb_release(&base);
	return paths;
}

void render_item_paths_free(char **paths, size_t n)
{
	for (size_t i = 0; paths && i < n; i++)
		free(paths[i]);
	free(paths);
}

char *render_subdir(const struct render_input *in, const char *name, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;

	sb_addf(&path, "%s/%s", in->dir, name);
	if (!fs_mkdir_p(sb_str(&path), err)) {
		sb_release(&path);
		return NULL;
	}
	return sb_detach(&path);
}

/* ---- one-file outputs: a plan of one job */

struct single {
	const struct render_input *in;
	const struct output *o;
	char *path;
};

static void *single_plan(const struct render_input *in, const struct output *o)
{
	struct single *s = xcalloc(1, sizeof(*s));
	struct strbuf path = STRBUF_INIT;

	s->in = in;
	s->o = o;
	sb_addf(&path, "%s/", in->dir);
	present_file_name(o->file, in->labels.code, &path);
	s->path = sb_detach(&path);
	return s;
}

static bool single_write(void *plan, struct strbuf *err)
{
	struct single *s = plan;

	return s->o->write_file(s->in, s->path, err);
}

static void single_free(void *plan)
{
	struct single *s = plan;

	if (s)
		free(s->path);
	free(s);
}

/* ---- a stage: its outputs' jobs numbered one after another */

struct stage {
	const struct output *const *o;
	size_t n;
	void **plans;
	size_t *first; /* [n + 1]: output i's jobs are first[i] .. first[i + 1] - 1 */
};

static bool stage_job(void *ctx, size_t job, struct strbuf *err)
{
	struct stage *st = ctx;
	size_t i = 0;

	while (job >= st->first[i + 1])
		i++;
	if (!st->o[i]->plan)
		return single_write(st->plans[i], err);
	return st->o[i]->write(st->plans[i], job - st->first[i], err);
}

static void stage_free(struct stage *st)
{
	for (size_t i = 0; i < st->n; i++) {
		if (!st->plans[i])
			continue;
		if (st->o[i]->plan)
			st->o[i]->free(st->plans[i]);
		else
			single_free(st->plans[i]);
	}
	free(st->plans);
	free(st->first);
}

/* The lap an output is timed in: the workers' ("write"), or its own when
 * alone. */
static const char *lap_of(const struct output *o)
{
	return o->stage ? "write" : o->lap ? o->lap : "";
}

/* KAIKAKU_TIMING: the seconds of the jobs of each stage in the set (their
 * work, whichever worker did it), in their order. */
static void time_work(const struct stage *st, const double *seconds)
{
	for (size_t i = 0; i < st->n; i++) {
		double sum = 0, longest = -1;
		size_t jobs = 0, longest_job = 0;
		bool seen = false;

		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(st->o[k]->stage, st->o[i]->stage) == 0;
		if (seen)
			continue;
		for (size_t k = i; k < st->n; k++) {
			if (strcmp(st->o[k]->stage, st->o[i]->stage) != 0)
				continue;
			for (size_t j = st->first[k]; j < st->first[k + 1]; j++) {
				sum += seconds[j];
				jobs++;
				if (seconds[j] > longest) {
					longest = seconds[j];
					longest_job = j;
				}
			}
		}
		timing_work(st->o[i]->stage, sum, jobs, longest_job, longest < 0 ? 0 : longest);
	}
}

static bool run_stage(const struct render_input *in, const struct output *const *o, size_t n,
		      struct strbuf *err)
{
	struct stage st = {o, n, xcalloc(n, sizeof(void *)), xcalloc(n + 1, sizeof(size_t))};
	bool ok = true;

	for (size_t i = 0; i < n && ok; i++) {
		if (o[i]->plan) {
			st.plans[i] = o[i]->plan(in, err);
			ok = st.plans[i] != NULL;
		} else {
			st.plans[i] = single_plan(in, o[i]);
		}
		st.first[i + 1] =
			st.first[i] + (ok ? (o[i]->plan ? o[i]->count(st.plans[i]) : 1) : 0);
	}
	progress_stage(present_stage_words(o[0]->stage ? "write" : NULL), st.first[n]);
	if (ok && o[0]->stage) {
		double *seconds = timing_on() ? xcalloc(st.first[n] + 1, sizeof(double)) : NULL;

		ok = jobs_run(st.first[n], in->jobs, stage_job, &st, seconds, err);
		if (ok && seconds)
			time_work(&st, seconds);
		free(seconds);
	}
	/* alone: here, in their order (the manifest lists what came before it) */
	for (size_t i = 0; ok && !o[0]->stage && i < st.first[n]; i++) {
		ok = stage_job(&st, i, err);
		progress_step(i + 1);
	}
	stage_free(&st);
	timing_lap(lap_of(o[0]));
	return ok;
}

bool render_all(const struct render_input *in, struct strbuf *err)
{
	size_t i = 0, n = ARRAY_LEN(outputs);

	while (i < n) {
		size_t j = i + 1;

		/* neighbours with a stage run together; alone ones of one lap in turn */
		while (j < n && !outputs[j]->stage == !outputs[i]->stage &&
		       strcmp(lap_of(outputs[j]), lap_of(outputs[i])) == 0)
			j++;
		if (!run_stage(in, outputs + i, j - i, err))
			return false;
		i = j;
	}
	return true;
}

bool render_load_layout(const struct settings *s, struct review_template *t,
			struct ttf_coverage *cov, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	char *dir = NULL;
	bool ok = true;

	review_template_defaults(t);
	/* review.xml beside the settings file, else the installed one (a
	 * settings file copied elsewhere keeps the PMO's layout), else the
	 * built-in layout */
	if (s->path) {
		const char *slash = strrchr(s->path, '/');

		if (slash)
			sb_add(&path, s->path, (size_t)(slash - s->path + 1));
		sb_adds(&path, "review.xml");
	}
	if ((!path.len || access(sb_str(&path), R_OK) != 0) && (dir = settings_templates_dir())) {
		sb_reset(&path);
		sb_addf(&path, "%s/review.xml", dir);
	}
	free(dir);
	if (path.len && access(sb_str(&path), R_OK) == 0)
		ok = review_template_load(t, sb_str(&path), err);
	sb_release(&path);
	if (!ok)
		return false;
	return ttf_load_font(t, cov, err);
}
