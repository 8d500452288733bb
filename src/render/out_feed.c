/*
 * out_feed.c - the Atom feed of the published periods, through libxml2's
 * xmlTextWriter.
 */
#include "kaikaku.h"

#include <dirent.h>
#include <errno.h>
#include <libxml/xmlwriter.h>
#include <sys/stat.h>

#include "fs.h"
#include "period.h"
#include "render.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"

struct feed_plan {
	const struct render_input *in;
	int *periods; /* newest first */
	size_t n;
};

static int newest_first(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x < y) - (x > y);
}

/* The period folders of the output folder, and this run's. */
static bool list_periods(struct feed_plan *pl, struct strbuf *err)
{
	const struct render_input *in = pl->in;
	DIR *d = opendir(in->root);
	struct dirent *e;
	size_t cap = 8;

	pl->periods = xcalloc(cap, sizeof(int));
	pl->periods[pl->n++] = in->r->period;
	if (!d) {
		sb_addf(err, "出力フォルダ %s を読めません: %s", in->root, fs_strerror(errno));
		return false;
	}
	while ((e = readdir(d)) != NULL) {
		char code[PERIOD_CODE_MAX];
		struct strbuf path = STRBUF_INIT;
		struct stat st;
		int p;

		/* only folders named by a canonical period code ("2026Q3") */
		if (!period_parse_quarter(e->d_name, &p))
			continue;
		period_code(p, code);
		if (strcmp(code, e->d_name) != 0 || p == in->r->period)
			continue;
		sb_addf(&path, "%s/%s", in->root, e->d_name);
		if (stat(sb_str(&path), &st) == 0 && S_ISDIR(st.st_mode)) {
			if (pl->n == cap)
				pl->periods = xrealloc(pl->periods, (cap *= 2) * sizeof(int));
			pl->periods[pl->n++] = p;
		}
		sb_release(&path);
	}
	closedir(d);
	qsort(pl->periods, pl->n, sizeof(int), newest_first);
	return true;
}

static void feed_free(void *plan)
{
	struct feed_plan *pl = plan;

	if (pl)
		free(pl->periods);
	free(pl);
}

static void *feed_plan(const struct render_input *in, struct strbuf *err)
{
	struct feed_plan *pl = xcalloc(1, sizeof(*pl));

	pl->in = in;
	if (in->root_dir && !list_periods(pl, err)) {
		feed_free(pl);
		return NULL;
	}
	return pl;
}

static size_t feed_count(const void *plan)
{
	const struct feed_plan *pl = plan;

	return pl->in->root_dir ? 1 : 0;
}

/* "tag:www.city.inzai.lg.jp,2024-04-01:kaikaku" + rest (RFC 4151): the
 * base URL's host names the city, tag-date when it held it. */
static void tag_uri(const struct public_settings *pub, const char *rest, struct strbuf *out)
{
	const char *host = strstr(pub->base_url, "://");
	size_t len;

	host = host ? host + 3 : pub->base_url;
	len = strcspn(host, "/:?#");
	sb_adds(out, "tag:");
	sb_add(out, host, len);
	sb_addf(out, ",%s:kaikaku%s", pub->tag_date, rest);
}

/* base URL + rel, with one slash between. */
static void url(const struct public_settings *pub, const char *rel, struct strbuf *out)
{
	size_t n = strlen(pub->base_url);

	sb_adds(out, pub->base_url);
	if (!n || pub->base_url[n - 1] != '/')
		sb_addc(out, '/');
	sb_adds(out, rel);
}

static void date_time(int period, struct strbuf *out)
{
	char d[PRESENT_MAX];

	present_period_end(period, d);
	sb_addf(out, "%sT00:00:00Z", d);
}

static int elem(xmlTextWriterPtr w, const char *name, const char *text)
{
	return xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text);
}

static int link(xmlTextWriterPtr w, const char *rel, const char *type, const char *href)
{
	int rc = xmlTextWriterStartElement(w, BAD_CAST "link");

	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST rel);
	if (type)
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST type);
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST href);
	return rc | xmlTextWriterEndElement(w);
}

static bool feed_write(void *plan, size_t job, struct strbuf *err)
{
	struct feed_plan *pl = plan;
	const struct render_input *in = pl->in;
	const struct public_settings *pub = &in->s->pub;
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	struct strbuf t = STRBUF_INIT, path = STRBUF_INIT;
	int rc = 0;
	bool ok;

	(void)job;
	if (!w) {
		if (buf)
			xmlBufferFree(buf);
		sb_adds(err, "feed.xml を書き出せません（libxml2 のメモリ不足）");
		return false;
	}
	rc |= xmlTextWriterSetIndent(w, 1);
	rc |= xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	rc |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	rc |= xmlTextWriterStartElement(w, BAD_CAST "feed");
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST ATOM_NS);
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST "ja");
	tag_uri(pub, "", &t);
	rc |= elem(w, "id", sb_str(&t));
	sb_reset(&t);
	sb_addf(&t, "%s（%s）", pub->title, in->s->city);
	rc |= elem(w, "title", sb_str(&t));
	rc |= elem(w, "subtitle",
		   "四半期ごとの "
		   "KGI（業務量削減率）、施策・KPI・マイルストーンの状況の公表のお知らせ");
	sb_reset(&t);
	date_time(pl->periods[0], &t);
	rc |= elem(w, "updated", sb_str(&t));
	rc |= xmlTextWriterStartElement(w, BAD_CAST "author");
	rc |= elem(w, "name", in->s->city);
	rc |= xmlTextWriterEndElement(w);
	sb_reset(&t);
	url(pub, FILE_FEED, &t);
	rc |= link(w, "self", "application/atom+xml", sb_str(&t));
	rc |= elem(w, "rights", pub->licence);
	rc |= elem(w, "generator", "kaikaku");
	for (size_t i = 0; i < pl->n; i++) {
		int p = pl->periods[i];
		char code[PERIOD_CODE_MAX];
		struct strbuf label = STRBUF_INIT;

		period_code(p, code);
		period_label(p, &label);
		rc |= xmlTextWriterStartElement(w, BAD_CAST "entry");
		sb_reset(&t);
		sb_addf(&t, "/%s", code);
		tag_uri(pub, sb_str(&t), &path);
		rc |= elem(w, "id", sb_str(&path));
		sb_reset(&path);
		sb_reset(&t);
		sb_addf(&t, "%s %s", pub->title, sb_str(&label));
		rc |= elem(w, "title", sb_str(&t));
		sb_reset(&t);
		date_time(p, &t);
		rc |= elem(w, "updated", sb_str(&t));
		sb_reset(&t);
		sb_addf(&t, "%s/" DIR_PUBLIC "/index.html", code);
		url(pub, sb_str(&t), &path);
		rc |= link(w, "alternate", "text/html", sb_str(&path));
		sb_reset(&path);
		sb_reset(&t);
		present_file_name(FILE_OPENDATA, code, &t);
		sb_reset(&path);
		{
			struct strbuf rel = STRBUF_INIT;

			sb_addf(&rel, "%s/%s", code, sb_str(&t));
			url(pub, sb_str(&rel), &path);
			sb_release(&rel);
		}
		rc |= link(w, "related", "text/csv", sb_str(&path));
		sb_reset(&path);
		sb_reset(&t);
		sb_addf(&t,
			"%sの抜本的な業務改革について、%sの "
			"KGI（業務量削減率）と、施策・KPI・マイルストーンの状況を公表しました。",
			in->s->city, sb_str(&label));
		rc |= elem(w, "summary", sb_str(&t));
		rc |= xmlTextWriterEndElement(w);
		sb_release(&label);
	}
	rc |= xmlTextWriterEndElement(w);
	rc |= xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	ok = rc >= 0;
	sb_reset(&path);
	sb_addf(&path, "%s/%s", in->root_dir, FILE_FEED);
	if (!ok)
		sb_adds(err,
			"feed.xml を書き出せません（libxml2 の xmlTextWriter が失敗しました）");
	else
		ok = fs_write_file(sb_str(&path), xmlBufferContent(buf),
				   (size_t)xmlBufferLength(buf), err);
	xmlBufferFree(buf);
	sb_release(&t);
	sb_release(&path);
	return ok;
}

const struct output output_feed = {
	.what = "更新情報（feed.xml）",
	.lap = "manifest",
	.plan = feed_plan,
	.count = feed_count,
	.write = feed_write,
	.free = feed_free,
};
