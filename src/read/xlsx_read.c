/*
 * xlsx_read.c - workbooks through minizip and libxml2's xmlTextReader.
 * Parts are found through the relationships, never by fixed names; each
 * part is streamed from the zip through a guard that refuses DOCTYPEs.
 */
#include "kaikaku.h"

#include <pthread.h>

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <math.h>

#include "number.h"
#include "period.h"
#include "strbuf.h"
#include "utf8.h"
#include "xlsx_read.h"
#include "xmlconf.h"
#include "zip_read.h"

#define MAX_ROW 1048576u
#define MAX_COL 16384u

/* ---- libxml2 set-up */

static xmlParserInputPtr no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void xml_global_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(no_external);
}

void xml_safety_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	/* libxml2 keeps its generic error handler per thread */
	static _Thread_local bool done;

	pthread_once(&once, xml_global_init);
	if (done)
		return;
	done = true;
	xmlSetGenericErrorFunc(NULL, silent);
}

/* ---- one XML part, streamed through the DOCTYPE guard */

enum part_fail {
	PART_OK,
	PART_ZIP,     /* the zip layer failed: see zst */
	PART_DOCTYPE, /* a DOCTYPE (DTD, entities): refused */
	PART_XML,     /* not well-formed: see msg */
	PART_ENCODING,
	PART_COMMENTS, /* more comments and processing instructions than MAX_COMMENTS */
};

/*
 * xmlTextReader frees elements once read past, but keeps every comment and
 * processing instruction of an open element (64 MiB of "<!---->" took 1.5 GB
 * of memory). Excel writes none; a part with more than this many is refused
 * as unsafe.
 */
#define MAX_COMMENTS 10000

struct part {
	struct zip_stream *zs;
	xmlTextReaderPtr r;
	enum zip_status zst;
	enum part_fail fail;
	char msg[256];
	int line;
	char carry[16]; /* the end of the previous chunk, for the guard */
	size_t ncarry;
	bool first;
	unsigned comments; /* comments and processing instructions so far */
};

/* How many times pat occurs in s[0, n) ending after s[from] (what the carry
 * from the previous chunk alone held was counted then). */
static unsigned count_new(const char *s, size_t n, size_t from, const char *pat)
{
	size_t plen = strlen(pat);
	unsigned c = 0;

	for (const char *q = s; (q = memmem(q, n - (size_t)(q - s), pat, plen)); q += plen)
		c += (size_t)(q - s) + plen > from;
	return c;
}

/* The raw bytes, before libxml2 sees them: a DOCTYPE anywhere, or too many
 * comments and processing instructions (the parser reads ahead, so counting
 * the nodes it returns would come too late). */
static enum part_fail guard(struct part *p, const char *buf, int n)
{
	static const char doctype[] = "<!DOCTYPE";
	const size_t keep = sizeof(doctype) - 2;
	char joined[16 + 65536];
	size_t total;

	/* scan carry + buf in pieces small enough for the stack */
	for (int off = 0; off < n;) {
		int take = n - off < 65536 ? n - off : 65536;

		memcpy(joined, p->carry, p->ncarry);
		memcpy(joined + p->ncarry, buf + off, (size_t)take);
		total = p->ncarry + (size_t)take;
		if (memmem(joined, total, doctype, sizeof(doctype) - 1))
			return PART_DOCTYPE;
		p->comments += count_new(joined, total, p->ncarry, "<!--");
		p->comments += count_new(joined, total, p->ncarry, "<?");
		if (p->comments > MAX_COMMENTS)
			return PART_COMMENTS;
		p->ncarry = total < keep ? total : keep;
		memcpy(p->carry, joined + total - p->ncarry, p->ncarry);
		off += take;
	}
	return PART_OK;
}

static int part_read(void *ctx, char *buf, int len)
{
	struct part *p = ctx;
	int n = zip_stream_read(p->zs, buf, len);

	if (n < 0)
		return -1;
	if (p->first && n >= 2) {
		const unsigned char *u = (const unsigned char *)buf;

		p->first = false;
		/* OOXML parts are UTF-8; UTF-16 would hide a DOCTYPE from the guard */
		if ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF) ||
		    (u[0] == 0 && u[1] == '<') || (u[0] == '<' && u[1] == 0)) {
			p->fail = PART_ENCODING;
			return -1;
		}
	}
	if (n > 0 && (p->fail = guard(p, buf, n)) != PART_OK)
		return -1;
	return n;
}

static int part_close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

static void part_error(void *arg, xmlErrorPtr err)
{
	struct part *p = arg;

	if (p->fail != PART_OK || !err || err->level < XML_ERR_ERROR)
		return;
	p->fail = PART_XML;
	p->line = err->line;
	/* in words, never libxml2's English */
	snprintf(p->msg, sizeof(p->msg), "%s",
		 xmlconf_error_words(err->code) ? xmlconf_error_words(err->code)
						: "XML の構文が正しくありません");
}

static bool part_open(struct part *p, struct zip_archive *z, const char *name)
{
	memset(p, 0, sizeof(*p));
	p->first = true;
	p->zs = zip_stream_open(z, name, &p->zst);
	if (!p->zs) {
		p->fail = PART_ZIP;
		return false;
	}
	p->r = xmlReaderForIO(part_read, part_close_cb, p, NULL, NULL,
			      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				      XML_PARSE_COMPACT);
	if (!p->r) {
		zip_stream_close(p->zs);
		p->zs = NULL;
		p->fail = PART_XML;
		snprintf(p->msg, sizeof(p->msg), "XML を読み始められません");
		return false;
	}
	xmlTextReaderSetStructuredErrorHandler(p->r, part_error, p);
	return true;
}

/* The next node; 1 for a node, 0 at the end, -1 on any failure. */
static int part_next(struct part *p)
{
	int r = xmlTextReaderRead(p->r);

	if (r == 1 && xmlTextReaderNodeType(p->r) == XML_READER_TYPE_DOCUMENT_TYPE) {
		p->fail = PART_DOCTYPE;
		return -1;
	}
	if (r < 0 && p->fail == PART_OK) {
		p->fail = PART_XML;
		snprintf(p->msg, sizeof(p->msg), "XML の構文が正しくありません");
	}
	return r;
}

/* Closes the part; false if anything failed (the reason is kept in p). */
static bool part_close(struct part *p)
{
	if (p->r)
		xmlFreeTextReader(p->r);
	p->r = NULL;
	if (p->zs) {
		enum zip_status st = zip_stream_close(p->zs);

		p->zs = NULL;
		if (st != ZIP_OK && (p->fail == PART_OK || p->fail == PART_XML)) {
			/* a zip failure explains any XML error it caused */
			p->fail = PART_ZIP;
			p->zst = st;
		}
	}
	return p->fail == PART_OK;
}

/*
 * True for a node in a namespace whose elements we read: SpreadsheetML
 * (transitional, Strict, Excel 2007 beta), the package relationships, or no
 * namespace at all. Extensions (x14:, x15:, mc:...) reuse local names such
 * as workbookPr or f, and must not be mistaken for the main elements.
 */
static bool our_ns(xmlTextReaderPtr r)
{
	static const char *const known[] = {
		"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
		"http://purl.oclc.org/ooxml/spreadsheetml/main",
		"http://schemas.microsoft.com/office/excel/2006/2",
		"http://schemas.openxmlformats.org/package/2006/relationships",
	};
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);

	if (!ns || !*ns)
		return true;
	for (size_t i = 0; i < ARRAY_LEN(known); i++)
		if (strcmp(ns, known[i]) == 0)
			return true;
	return false;
}

static bool is_elem(xmlTextReaderPtr r, const char *name)
{
	return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
	       strcmp((const char *)xmlTextReaderConstLocalName(r), name) == 0 && our_ns(r);
}

static bool is_end(xmlTextReaderPtr r, const char *name)
{
	return xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT &&
	       strcmp((const char *)xmlTextReaderConstLocalName(r), name) == 0 && our_ns(r);
}

static bool is_text(xmlTextReaderPtr r)
{
	int t = xmlTextReaderNodeType(r);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

/* An attribute by local name, whatever its namespace prefix (r:id, id). */
static char *attr_local(xmlTextReaderPtr r, const char *local)
{
	char *v = NULL;

	if (xmlTextReaderMoveToFirstAttribute(r) != 1)
		return NULL;
	do {
		if (strcmp((const char *)xmlTextReaderConstLocalName(r), local) == 0) {
			v = xstrdup((const char *)xmlTextReaderConstValue(r));
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(r) == 1);
	xmlTextReaderMoveToElement(r);
	return v;
}

/* ---- context of one workbook */

struct rel {
	char *id, *type, *target; /* target resolved to a zip path */
};

struct xf {
	enum numfmt_kind kind;
};

struct book {
	struct zip_archive *z;
	const struct limits *lim;
	const char *file;
	struct diags *d;
	struct rel *rels;
	size_t nrels;
	struct grid_strings *pool; /* the shared strings, trimmed, shared by the grids */
	const char **sst;
	size_t nsst;
	uint64_t text_bytes; /* the cells' text so far, shared strings expanded */
	bool text_over;      /* text_bytes passed the limit: the file is refused */
	struct xf *xfs;
	size_t nxfs;
	bool date1904;
	bool failed; /* a whole-file error was recorded */
};

static void book_error(struct book *b, enum diag_code code, const char *msg)
{
	struct loc loc = {b->file, NULL, 0};

	if (b->failed)
		return;
	b->failed = true;
	diag_add(b->d, code, &loc, NULL, NULL, "%s", msg);
}

/* The record for a part that failed, at the file or (sheet != NULL) sheet. */
static void part_report(struct book *b, struct part *p, const char *name, const char *sheet)
{
	struct loc loc = {b->file, sheet, 0};
	enum diag_code code = E_XLSX_BROKEN;
	struct strbuf sb = STRBUF_INIT;

	switch (p->fail) {
	case PART_OK:
		sb_release(&sb);
		return;
	case PART_ZIP:
		if (p->zst == ZIP_TOO_LARGE) {
			code = E_XLSX_TOO_LARGE;
			sb_addf(&sb,
				"ブックの部品 %s の展開後のサイズが上限（部品ごと %llu "
				"バイト、ブック全体 %llu バイト）を超えるため読みません。",
				name, (unsigned long long)b->lim->part_bytes,
				(unsigned long long)b->lim->workbook_bytes);
		} else if (p->zst == ZIP_ENCRYPTED) {
			code = E_ENCRYPTED;
			sb_addf(&sb, "ブックの部品 %s が暗号化されています。", name);
		} else {
			sb_addf(&sb, "ブックの部品 %s を読めません: %s。", name,
				zip_status_text(p->zst));
		}
		break;
	case PART_DOCTYPE:
		code = E_XLSX_UNSAFE;
		sb_addf(&sb,
			"ブックの部品 %s に "
			"DOCTYPE（DTD・エンティティ宣言）があり、kaikaku はこの形式を読みません。",
			name);
		break;
	case PART_ENCODING:
		sb_addf(&sb, "ブックの部品 %s が UTF-8 ではありません。", name);
		break;
	case PART_COMMENTS:
		code = E_XLSX_UNSAFE;
		sb_addf(&sb,
			"ブックの部品 %s に XML のコメントや処理命令が %d "
			"個を超えてあるため読みません（メモリを使い尽くさせるファイルの疑い）。",
			name, MAX_COMMENTS);
		break;
	case PART_XML:
		if (p->line > 0)
			sb_addf(&sb, "ブックの部品 %s の XML が壊れています（%d行目: %s）。", name,
				p->line, p->msg);
		else
			sb_addf(&sb, "ブックの部品 %s の XML が壊れています（%s）。", name, p->msg);
		break;
	}
	if (sheet) {
		diag_add(b->d, code, &loc, NULL, NULL, "%s", sb_str(&sb));
	} else if (!b->failed) {
		b->failed = true;
		diag_add(b->d, code, &loc, NULL, NULL, "%s", sb_str(&sb));
	}
	sb_release(&sb);
}

/* ---- paths and relationships */

/* Resolves target against the folder of the part base ("xl/workbook.xml"). */
static char *resolve(const char *base, const char *target)
{
	struct strbuf sb = STRBUF_INIT;
	char **segs = NULL;
	size_t nsegs = 0;
	char *work;

	if (target[0] == '/') {
		work = xstrdup(target + 1);
	} else {
		const char *slash = strrchr(base, '/');
		struct strbuf t = STRBUF_INIT;

		if (slash)
			sb_add(&t, base, (size_t)(slash - base + 1));
		sb_adds(&t, target);
		work = sb_detach(&t);
	}
	for (char *s = work, *e; s; s = e) {
		e = strchr(s, '/');
		if (e)
			*e++ = '\0';
		if (!*s || strcmp(s, ".") == 0)
			continue;
		if (strcmp(s, "..") == 0) {
			if (nsegs)
				nsegs--;
			continue;
		}
		segs = xrealloc(segs, (nsegs + 1) * sizeof(*segs));
		segs[nsegs++] = s;
	}
	for (size_t i = 0; i < nsegs; i++) {
		if (i)
			sb_addc(&sb, '/');
		sb_adds(&sb, segs[i]);
	}
	free(segs);
	free(work);
	return sb_detach(&sb);
}

static void rels_free(struct rel *rels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rels[i].id);
		free(rels[i].type);
		free(rels[i].target);
	}
	free(rels);
}

/* Reads the relationships of part (its _rels/<name>.rels); missing is empty. */
static bool read_rels(struct book *b, const char *part_name, struct rel **out, size_t *nout)
{
	struct strbuf path = STRBUF_INIT;
	const char *slash = strrchr(part_name, '/');
	struct part p;
	struct rel *rels = NULL;
	size_t n = 0;
	int r;

	if (slash)
		sb_add(&path, part_name, (size_t)(slash - part_name + 1));
	sb_addf(&path, "_rels/%s.rels", slash ? slash + 1 : part_name);
	*out = NULL;
	*nout = 0;
	if (!zip_has(b->z, sb_str(&path))) {
		sb_release(&path);
		return true;
	}
	if (part_open(&p, b->z, sb_str(&path))) {
		while ((r = part_next(&p)) == 1) {
			char *id, *type, *target, *mode;

			if (!is_elem(p.r, "Relationship"))
				continue;
			id = attr_local(p.r, "Id");
			type = attr_local(p.r, "Type");
			target = attr_local(p.r, "Target");
			mode = attr_local(p.r, "TargetMode");
			if (id && type && target && !(mode && strcmp(mode, "External") == 0)) {
				rels = xrealloc(rels, (n + 1) * sizeof(*rels));
				rels[n].id = id;
				rels[n].type = type;
				rels[n].target = resolve(part_name, target);
				n++;
				id = type = NULL;
			}
			free(id);
			free(type);
			free(target);
			free(mode);
		}
	}
	if (!part_close(&p)) {
		part_report(b, &p, sb_str(&path), NULL);
		rels_free(rels, n);
		sb_release(&path);
		return false;
	}
	sb_release(&path);
	*out = rels;
	*nout = n;
	return true;
}

/* True when a relationship type URI ends with "/<kind>" (transitional or strict). */
static bool rel_is(const struct rel *r, const char *kind)
{
	size_t lt = strlen(r->type), lk = strlen(kind);

	return lt > lk && r->type[lt - lk - 1] == '/' && strcmp(r->type + lt - lk, kind) == 0;
}

/* ---- _xHHHH_ escapes */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The UTF-16 unit of an escape "_xHHHH_" at s (7 bytes), or -1. */
static long escape_at(const char *s, size_t left)
{
	long v = 0;

	if (left < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	for (int i = 2; i < 6; i++) {
		int h = hexval(s[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

void ooxml_unescape(const char *s, size_t n, struct strbuf *out)
{
	size_t i = 0;

	while (i < n) {
		long u = escape_at(s + i, n - i);
		uint32_t cp;
		char buf[4];

		if (u < 0) {
			sb_addc(out, s[i]);
			i++;
			continue;
		}
		i += 7;
		cp = (uint32_t)u;
		if (u >= 0xD800 && u <= 0xDBFF) {
			long lo = escape_at(s + i, n - i);

			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + (((uint32_t)u - 0xD800) << 10) +
				     ((uint32_t)lo - 0xDC00);
				i += 7;
			} else {
				cp = 0xFFFD;
			}
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			cp = 0xFFFD;
		}
		sb_add(out, buf, utf8_encode(cp, buf));
	}
}

/* ---- number formats */

enum numfmt_kind numfmt_classify(int id, const char *code)
{
	bool quoted = false, date = false, pct = false;

	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	    (id >= 50 && id <= 58))
		return NUMFMT_DATE;
	if (id == 9 || id == 10)
		return NUMFMT_PERCENT;
	if (!code)
		return NUMFMT_PLAIN;
	for (const char *p = code; *p; p++) {
		char c = *p;

		if (quoted) {
			if (c == '"')
				quoted = false;
			continue;
		}
		switch (c) {
		case '"':
			quoted = true;
			continue;
		case '\\':
		case '_':
		case '*':
			if (p[1])
				p++; /* an escaped or padding character */
			continue;
		case ';':
			goto done; /* the first section decides */
		case '[': {
			/* [Red], [$-411], [>100]: not date parts, but [h] [mm] [ss] are */
			const char *e = strchr(p, ']');

			if (!e)
				goto done;
			if (e - p >= 2 && strchr("hHmMsS", p[1]))
				date = true;
			p = e;
			continue;
		}
		case '%':
			pct = true;
			continue;
		default:
			break;
		}
		if (strncasecmp(p, "general", 7) == 0) {
			p += 6;
			continue;
		}
		if ((c == 'E' || c == 'e') && (p[1] == '+' || p[1] == '-'))
			continue; /* scientific notation */
		if (strchr("yYmMdDhHsSgGeE", c))
			date = true;
	}
done:
	if (date)
		return NUMFMT_DATE;
	return pct ? NUMFMT_PERCENT : NUMFMT_PLAIN;
}

bool cell_ref_parse(const char *ref, uint32_t *col, uint32_t *row, bool *has_row)
{
	uint32_t c = 0, r = 0;
	const char *p = ref;
	int nl = 0, nd = 0;

	if (*p == '$')
		p++;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		char u = (char)(*p & ~0x20);

		if (++nl > 3)
			return false;
		c = c * 26 + (uint32_t)(u - 'A' + 1);
		p++;
	}
	if (!nl || c > MAX_COL)
		return false;
	if (*p == '$')
		p++;
	while (*p >= '0' && *p <= '9') {
		if (++nd > 7)
			return false;
		r = r * 10 + (uint32_t)(*p - '0');
		p++;
	}
	if (*p || (nd && (r < 1 || r > MAX_ROW)))
		return false;
	*col = c - 1;
	*row = r;
	*has_row = nd > 0;
	return true;
}

/* ---- workbook.xml */

struct sheet_ref {
	char *name;
	char *rid;
	bool input; /* a local name _kaikaku_input marks a sheet to read back */
};

struct workbook_info {
	struct sheet_ref *sheets;
	size_t nsheets;
	char *marker;
	bool input_names; /* the workbook carries _kaikaku_input names */
};

/* The sheet-level name kaikaku's feedback workbooks give their submission
 * sheets (ingest.h's OWN_INPUT_SHEET_NAME). */
#define OWN_INPUT_NAME "_kaikaku_input"

static void workbook_info_release(struct workbook_info *w)
{
	for (size_t i = 0; i < w->nsheets; i++) {
		free(w->sheets[i].name);
		free(w->sheets[i].rid);
	}
	free(w->sheets);
	free(w->marker);
}

static bool truthy(const char *v)
{
	return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static char *unquote_formula(const char *v)
{
	size_t b, n;

	text_trim(v, strlen(v), &b, &n);
	if (n >= 2 && v[b] == '"' && v[b + n - 1] == '"')
		return xstrndup(v + b + 1, n - 2);
	return xstrndup(v + b, n);
}

/* The sheet named name (Excel compares sheet names without regard to ASCII
 * case), or -1. */
static long sheet_by_name(const struct workbook_info *w, const char *name, size_t len)
{
	for (size_t i = 0; i < w->nsheets; i++)
		if (strlen(w->sheets[i].name) == len && strncmp(w->sheets[i].name, name, len) == 0)
			return (long)i;
	for (size_t i = 0; i < w->nsheets; i++)
		if (strlen(w->sheets[i].name) == len &&
		    strncasecmp(w->sheets[i].name, name, len) == 0)
			return (long)i;
	return -1;
}

/*
 * Marks as input every sheet a _kaikaku_input name refers to by its text
 * ("'提出_KPI実績'!$A$1", or a list "'a'!$A$1,'b'!$A$1" as ExcelJS merges
 * names). The text survives what localSheetId does not: a writer that keeps
 * localSheetId while a clerk adds or deletes a sheet (openpyxl) makes it
 * point at another sheet. False when the text names no sheet.
 */
static bool mark_by_reference(struct workbook_info *w, const char *text)
{
	struct strbuf name = STRBUF_INIT;
	const char *p = text;
	bool any = false;

	while (*p == '=' || *p == ' ')
		p++;
	while (*p) {
		long idx;

		sb_reset(&name);
		if (*p == '\'') {
			for (p++; *p; p++) {
				if (*p == '\'' && p[1] == '\'')
					sb_addc(&name, *p++);
				else if (*p == '\'')
					break;
				else
					sb_addc(&name, *p);
			}
			if (*p == '\'')
				p++;
		} else {
			while (*p && *p != '!' && *p != ',')
				sb_addc(&name, *p++);
		}
		if (*p == '!' && (idx = sheet_by_name(w, sb_str(&name), name.len)) >= 0) {
			w->sheets[idx].input = true;
			any = true;
		}
		while (*p && *p != ',')
			p++;
		while (*p == ',' || *p == ' ')
			p++;
	}
	sb_release(&name);
	return any;
}

static bool read_workbook(struct book *b, const char *name, struct workbook_info *w)
{
	struct part p;
	int r;
	char *dn_name = NULL, *dn_local = NULL;
	struct strbuf dn_text = STRBUF_INIT;
	bool in_dn = false;
	/* the _kaikaku_input names, resolved once every sheet is known */
	char **in_text = NULL, **in_local = NULL;
	size_t nin = 0;

	memset(w, 0, sizeof(*w));
	if (part_open(&p, b->z, name)) {
		while ((r = part_next(&p)) == 1) {
			if (is_elem(p.r, "workbookPr")) {
				char *v = attr_local(p.r, "date1904");

				b->date1904 = truthy(v);
				free(v);
			} else if (is_elem(p.r, "sheet")) {
				char *sn = attr_local(p.r, "name"), *rid = attr_local(p.r, "id");

				if (sn && rid) {
					w->sheets = xrealloc(w->sheets,
							     (w->nsheets + 1) * sizeof(*w->sheets));
					w->sheets[w->nsheets].name = sn;
					w->sheets[w->nsheets].rid = rid;
					w->sheets[w->nsheets].input = false;
					w->nsheets++;
				} else {
					free(sn);
					free(rid);
				}
			} else if (is_elem(p.r, "definedName")) {
				free(dn_name);
				free(dn_local);
				dn_name = attr_local(p.r, "name");
				dn_local = attr_local(p.r, "localSheetId");
				sb_reset(&dn_text);
				in_dn = !xmlTextReaderIsEmptyElement(p.r);
			} else if (in_dn && is_text(p.r)) {
				sb_adds(&dn_text, (const char *)xmlTextReaderConstValue(p.r));
			} else if (in_dn && is_end(p.r, "definedName")) {
				in_dn = false;
				if (dn_name && strcmp(dn_name, "_kaikaku") == 0 && !dn_local) {
					free(w->marker);
					w->marker = unquote_formula(sb_str(&dn_text));
				} else if (dn_name && strcmp(dn_name, OWN_INPUT_NAME) == 0) {
					in_text = xrealloc(in_text, (nin + 1) * sizeof(*in_text));
					in_local =
						xrealloc(in_local, (nin + 1) * sizeof(*in_local));
					in_text[nin] = xstrdup(sb_str(&dn_text));
					in_local[nin++] = dn_local ? xstrdup(dn_local) : NULL;
				}
			}
		}
	}
	for (size_t i = 0; i < nin; i++) {
		char *end;
		long idx;

		w->input_names = true;
		/* by the sheet its text names; localSheetId only when it names none */
		if (!mark_by_reference(w, in_text[i]) && in_local[i]) {
			idx = strtol(in_local[i], &end, 10);
			if (!*end && idx >= 0 && (size_t)idx < w->nsheets)
				w->sheets[idx].input = true;
		}
		free(in_text[i]);
		free(in_local[i]);
	}
	free(in_text);
	free(in_local);
	free(dn_name);
	free(dn_local);
	sb_release(&dn_text);
	if (!part_close(&p)) {
		part_report(b, &p, name, NULL);
		return false;
	}
	return true;
}

/* ---- styles.xml: which cell formats show dates or percentages */

static bool read_styles(struct book *b, const char *name)
{
	struct part p;
	int r;
	int *fmt_ids = NULL;
	char **fmt_codes = NULL;
	size_t nfmts = 0, cap_ids = 0, cap_codes = 0, cap_xf = 0;
	bool in_cellxfs = false;
	int *xf_fmt = NULL;
	size_t nxf = 0;

	if (part_open(&p, b->z, name)) {
		while ((r = part_next(&p)) == 1) {
			if (is_elem(p.r, "numFmt")) {
				char *id = attr_local(p.r, "numFmtId"),
				     *code = attr_local(p.r, "formatCode");

				if (id && code) {
					xgrow((void **)&fmt_ids, &cap_ids, nfmts + 1,
					      sizeof(*fmt_ids));
					xgrow((void **)&fmt_codes, &cap_codes, nfmts + 1,
					      sizeof(*fmt_codes));
					fmt_ids[nfmts] = (int)strtol(id, NULL, 10);
					fmt_codes[nfmts] = code;
					code = NULL;
					nfmts++;
				}
				free(id);
				free(code);
			} else if (is_elem(p.r, "cellXfs")) {
				in_cellxfs = !xmlTextReaderIsEmptyElement(p.r);
			} else if (is_end(p.r, "cellXfs")) {
				in_cellxfs = false;
			} else if (in_cellxfs && is_elem(p.r, "xf")) {
				char *id = attr_local(p.r, "numFmtId");

				xgrow((void **)&xf_fmt, &cap_xf, nxf + 1, sizeof(*xf_fmt));
				xf_fmt[nxf++] = id ? (int)strtol(id, NULL, 10) : 0;
				free(id);
			}
		}
	}
	b->xfs = xcalloc(nxf ? nxf : 1, sizeof(*b->xfs));
	b->nxfs = nxf;
	for (size_t i = 0; i < nxf; i++) {
		const char *code = NULL;

		for (size_t k = 0; k < nfmts; k++)
			if (fmt_ids[k] == xf_fmt[i])
				code = fmt_codes[k];
		b->xfs[i].kind = numfmt_classify(xf_fmt[i], code);
	}
	for (size_t k = 0; k < nfmts; k++)
		free(fmt_codes[k]);
	free(fmt_codes);
	free(fmt_ids);
	free(xf_fmt);
	if (!part_close(&p)) {
		part_report(b, &p, name, NULL);
		return false;
	}
	return true;
}

/* ---- sharedStrings.xml */

static bool read_sst(struct book *b, const char *name)
{
	struct part p;
	int r;
	struct strbuf cur = STRBUF_INIT;
	bool in_si = false, in_t = false;
	int rph_depth = 0;
	size_t cap = 0;
	bool too_long = false;

	if (part_open(&p, b->z, name)) {
		while ((r = part_next(&p)) == 1) {
			/* <sstItem>: the same as <si> in Excel 2007 beta files */
			if (is_elem(p.r, "si") || is_elem(p.r, "sstItem")) {
				sb_reset(&cur);
				in_si = true;
				if (xmlTextReaderIsEmptyElement(p.r))
					goto push;
			} else if (is_end(p.r, "si") || is_end(p.r, "sstItem")) {
			push:
				in_si = false;
				xgrow((void **)&b->sst, &cap, b->nsst + 1, sizeof(*b->sst));
				{
					struct strbuf un = STRBUF_INIT;

					ooxml_unescape(cur.buf ? cur.buf : "", cur.len, &un);
					b->sst[b->nsst++] =
						grid_strings_add(b->pool, sb_str(&un), un.len);
					sb_release(&un);
				}
			} else if (is_elem(p.r, "rPh")) {
				if (!xmlTextReaderIsEmptyElement(p.r))
					rph_depth++;
			} else if (is_end(p.r, "rPh")) {
				rph_depth--;
			} else if (is_elem(p.r, "t")) {
				in_t = !xmlTextReaderIsEmptyElement(p.r);
			} else if (is_end(p.r, "t")) {
				in_t = false;
			} else if (in_si && in_t && rph_depth == 0 && is_text(p.r)) {
				sb_adds(&cur, (const char *)xmlTextReaderConstValue(p.r));
				if (cur.len > b->lim->field_bytes) {
					too_long = true;
					break;
				}
			}
		}
	}
	sb_release(&cur);
	if (!part_close(&p)) {
		part_report(b, &p, name, NULL);
		return false;
	}
	if (too_long) {
		struct loc loc = {b->file, NULL, 0};

		b->failed = true;
		diag_add(b->d, E_FIELD_TOO_LARGE, &loc, NULL, NULL,
			 "共有文字列に %llu バイトを超える値があります。",
			 (unsigned long long)b->lim->field_bytes);
		return false;
	}
	return true;
}

/* ---- one worksheet */

struct cellbuf {
	uint32_t col;
	char *t; /* t attribute */
	long style;
	bool has_f;
	bool has_v;
	struct strbuf v;  /* text of <v> */
	struct strbuf is; /* text of <is> */
};

static void sheet_fail(struct book *b, const char *sheet, enum diag_code code, const char *msg)
{
	struct loc loc = {b->file, sheet, 0};

	diag_add(b->d, code, &loc, NULL, NULL, "%s", msg);
}

static void emit_number(struct book *b, struct grid *g, const struct cellbuf *c, double v)
{
	enum numfmt_kind kind = NUMFMT_PLAIN;
	char text[64];

	if (c->style >= 0 && (size_t)c->style < b->nxfs)
		kind = b->xfs[c->style].kind;
	if (kind == NUMFMT_DATE) {
		int y, m, d;

		if (excel_serial_to_date(v, b->date1904, &y, &m, &d)) {
			snprintf(text, sizeof(text), "%04d-%02d-%02d", y, m, d);
			grid_add(g, c->col, CELL_DATE, text, strlen(text), v, false);
			return;
		}
	}
	/* a spreadsheet holds 15 significant digits (contract §2) */
	v = number_round15(v);
	if (kind == NUMFMT_PERCENT) {
		char num[40];

		number_format(number_round15(v * 100), num, sizeof(num));
		snprintf(text, sizeof(text), "%s%%", num);
		grid_add(g, c->col, CELL_NUMBER, text, strlen(text), v, true);
		return;
	}
	number_format(v, text, sizeof(text));
	grid_add(g, c->col, CELL_NUMBER, text, strlen(text), v, false);
}

/* The day of an ISO 8601 date or date-time ("2027-01-01",
 * "2027-01-01T00:00:00.000Z", "2027-01-01T09:00+09:00") as YYYY-MM-DD. */
static bool iso_day(const char *v, char day[11])
{
	int y, m, d;

	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;

		if (dash ? v[i] != '-' : !(v[i] >= '0' && v[i] <= '9'))
			return false;
	}
	if (v[10] && v[10] != 'T' && v[10] != 't' && v[10] != ' ')
		return false;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	m = (v[5] - '0') * 10 + (v[6] - '0');
	d = (v[8] - '0') * 10 + (v[9] - '0');
	if (!date_valid(y, m, d))
		return false;
	memcpy(day, v, 10);
	day[10] = '\0';
	return true;
}

/* Turns a finished <c> into a grid cell; false on a broken reference. */
static bool emit_cell(struct book *b, struct grid *g, struct cellbuf *c, const char **why)
{
	const char *t = c->t ? c->t : "n";
	const char *v = sb_str(&c->v);
	struct strbuf un = STRBUF_INIT;

	if (strcmp(t, "inlineStr") == 0) {
		ooxml_unescape(sb_str(&c->is), c->is.len, &un);
		grid_add(g, c->col, CELL_TEXT, sb_str(&un), un.len, 0, false);
	} else if (!c->has_v || text_blank(v)) {
		/* no cached value (openpyxl writes <v></v>): a formula never calculated */
		if (c->has_f)
			grid_add(g, c->col, CELL_NOVALUE, "(数式)", strlen("(数式)"), 0, false);
	} else if (strcmp(t, "s") == 0) {
		char *end;
		long idx;

		errno = 0;
		idx = strtol(v, &end, 10);
		if (end == v || *end || errno || idx < 0 || (size_t)idx >= b->nsst) {
			*why = "共有文字列の番号が範囲外です";
			sb_release(&un);
			return false;
		}
		/* shared, not copied: one long string in many cells is held once */
		b->text_bytes += strlen(b->sst[idx]);
		grid_add_shared(g, c->col, CELL_TEXT, b->sst[idx], b->pool);
	} else if (strcmp(t, "str") == 0) {
		ooxml_unescape(v, c->v.len, &un);
		grid_add(g, c->col, CELL_TEXT, sb_str(&un), un.len, 0, false);
	} else if (strcmp(t, "b") == 0) {
		const char *tf = strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? "TRUE" : "FALSE";

		grid_add(g, c->col, CELL_BOOL, tf, strlen(tf), 0, false);
	} else if (strcmp(t, "e") == 0) {
		grid_add(g, c->col, CELL_ERROR, v, c->v.len, 0, false);
	} else if (strcmp(t, "d") == 0) {
		/* an ISO 8601 date or date-time (Strict OOXML, LibreOffice, SheetJS
		 * with cellDates: 2027-01-01T00:00:00.000Z): a date, its day kept;
		 * anything else is shown as it is, never as an Excel error value */
		char day[11];

		if (iso_day(v, day))
			grid_add(g, c->col, CELL_DATE, day, 10, 0, false);
		else
			grid_add(g, c->col, CELL_TEXT, v, c->v.len, 0, false);
	} else {
		char *end;
		double d;

		errno = 0;
		d = strtod(v, &end);
		if (end == v || *end || !isfinite(d))
			grid_add(g, c->col, CELL_ERROR, v, c->v.len, 0, false);
		else
			emit_number(b, g, c, d);
	}
	sb_release(&un);
	return true;
}

static void cellbuf_reset(struct cellbuf *c)
{
	free(c->t);
	c->t = NULL;
	c->style = -1;
	c->has_f = c->has_v = false;
	sb_reset(&c->v);
	sb_reset(&c->is);
}

static struct grid *read_sheet(struct book *b, const char *part_name, const char *sheet, int index)
{
	struct grid *g = grid_new(sheet, index);
	struct part p;
	struct cellbuf c = {0};
	int r;
	uint32_t cur_row = 0, next_col = 0;
	bool in_row = false, in_cell = false, in_v = false, in_is_t = false, in_sheetdata = false;
	int rph_depth = 0;
	const char *why = NULL;
	enum diag_code code = E_XLSX_BROKEN;
	char msg[512];

	sb_init(&c.v);
	sb_init(&c.is);
	c.style = -1;
	if (part_open(&p, b->z, part_name)) {
		while (!why && (r = part_next(&p)) == 1) {
			xmlTextReaderPtr x = p.r;
			int type = xmlTextReaderNodeType(x);

			if ((type == XML_READER_TYPE_ELEMENT ||
			     type == XML_READER_TYPE_END_ELEMENT) &&
			    !our_ns(x))
				continue; /* extensions: x14:..., mc:... */
			if (type == XML_READER_TYPE_ELEMENT) {
				const char *ln = (const char *)xmlTextReaderConstLocalName(x);
				bool empty = xmlTextReaderIsEmptyElement(x);

				if (strcmp(ln, "sheetData") == 0) {
					in_sheetdata = !empty;
				} else if (!in_sheetdata) {
					continue;
				} else if (strcmp(ln, "row") == 0) {
					char *rv = attr_local(x, "r");

					if (rv) {
						char *end;
						long n = strtol(rv, &end, 10);

						if (end == rv || *end || n < 1 || n > (long)MAX_ROW)
							why = "行番号が正しくありません";
						else if ((uint32_t)n <= cur_row && cur_row)
							cur_row = (uint32_t)
								n; /* out of order: sorted later */
						else
							cur_row = (uint32_t)n;
						free(rv);
					} else {
						cur_row++;
					}
					if (cur_row > MAX_ROW)
						why = "行番号が 1048576 を超えています";
					grid_begin_row(g, cur_row);
					next_col = 0;
					in_row = !empty;
					if (empty)
						grid_end_row(g);
				} else if (strcmp(ln, "c") == 0 && in_row) {
					char *ref = attr_local(x, "r"), *s;

					cellbuf_reset(&c);
					c.col = next_col;
					if (ref) {
						uint32_t col, row;
						bool has_row;

						if (!cell_ref_parse(ref, &col, &row, &has_row))
							why = "セル参照が正しくないか XFD1048576 "
							      "を超えています";
						else
							c.col = col;
						free(ref);
					} else if (next_col >= MAX_COL) {
						why = "列が XFD を超えています";
					}
					next_col = c.col + 1;
					c.t = attr_local(x, "t");
					s = attr_local(x, "s");
					if (s) {
						c.style = strtol(s, NULL, 10);
						free(s);
					}
					in_cell = !empty;
					if (empty && !why && !emit_cell(b, g, &c, &why))
						break;
				} else if (in_cell && strcmp(ln, "v") == 0) {
					c.has_v = true;
					in_v = !empty;
				} else if (in_cell && strcmp(ln, "f") == 0) {
					c.has_f = true;
				} else if (in_cell && strcmp(ln, "rPh") == 0) {
					if (!empty)
						rph_depth++;
				} else if (in_cell && strcmp(ln, "t") == 0) {
					in_is_t = !empty;
				}
			} else if (type == XML_READER_TYPE_END_ELEMENT) {
				const char *ln = (const char *)xmlTextReaderConstLocalName(x);

				if (strcmp(ln, "sheetData") == 0) {
					in_sheetdata = false;
				} else if (strcmp(ln, "row") == 0 && in_row) {
					grid_end_row(g);
					in_row = false;
				} else if (strcmp(ln, "c") == 0 && in_cell) {
					in_cell = false;
					if (!emit_cell(b, g, &c, &why))
						break;
					if (g->ncells + g->npending > b->lim->cells_per_sheet) {
						code = E_TOO_MANY_CELLS;
						why = "";
					}
					/* a shared string's text was counted by emit_cell */
					if (!(c.t && strcmp(c.t, "s") == 0))
						b->text_bytes += c.v.len + c.is.len;
					if (b->text_bytes > b->lim->text_bytes) {
						code = E_TEXT_TOO_LARGE;
						why = "";
						b->text_over = true;
					}
				} else if (strcmp(ln, "v") == 0) {
					in_v = false;
				} else if (strcmp(ln, "t") == 0) {
					in_is_t = false;
				} else if (strcmp(ln, "rPh") == 0) {
					rph_depth--;
				}
			} else if (in_cell && is_text(x)) {
				const char *txt = (const char *)xmlTextReaderConstValue(x);

				if (in_v)
					sb_adds(&c.v, txt);
				else if (in_is_t && rph_depth == 0)
					sb_adds(&c.is, txt);
				if (c.v.len > b->lim->field_bytes ||
				    c.is.len > b->lim->field_bytes) {
					code = E_FIELD_TOO_LARGE;
					why = "";
				}
			}
		}
	}
	cellbuf_reset(&c);
	sb_release(&c.v);
	sb_release(&c.is);
	if (!part_close(&p)) {
		part_report(b, &p, part_name, sheet);
		grid_free(g);
		return NULL;
	}
	if (why && code == E_TEXT_TOO_LARGE) {
		grid_free(g); /* the whole file is refused by xlsx_read */
		return NULL;
	}
	if (why) {
		if (code == E_TOO_MANY_CELLS)
			snprintf(msg, sizeof(msg),
				 "シートのセルが上限の %llu 個を超えるため読みません。",
				 (unsigned long long)b->lim->cells_per_sheet);
		else if (code == E_FIELD_TOO_LARGE)
			snprintf(msg, sizeof(msg),
				 "%llu バイトを超える値のセルがあるため読みません。",
				 (unsigned long long)b->lim->field_bytes);
		else
			snprintf(msg, sizeof(msg), "シートを読めません: %s（%s）。", why,
				 part_name);
		sheet_fail(b, sheet, code, msg);
		grid_free(g);
		return NULL;
	}
	grid_finish(g);
	return g;
}

/* ---- the workbook */

static const struct rel *rel_by_id(const struct rel *rels, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rels[i].id, id) == 0)
			return &rels[i];
	return NULL;
}

bool xlsx_read(const unsigned char *data, size_t n, const struct limits *lim, const char *file,
	       struct xlsx_book *out, struct diags *d)
{
	struct book b = {0};
	struct rel *root_rels = NULL;
	size_t nroot = 0;
	char *wb_name = NULL;
	struct workbook_info w = {0};
	enum zip_status zst;
	bool ok = false;

	xml_safety_init();
	memset(out, 0, sizeof(*out));
	b.lim = lim;
	b.file = file;
	b.d = d;
	b.z = zip_open_memory(data, n, lim->part_bytes, lim->workbook_bytes, &zst);
	if (!b.z) {
		if (zst == ZIP_TOO_LARGE)
			book_error(&b, E_XLSX_TOO_LARGE, "zip の中のファイルが多すぎます。");
		else if (zst == ZIP_DUPLICATE)
			book_error(&b, E_XLSX_BROKEN,
				   "zip "
				   "の中に同じ名前の部品が2つ以上あり、どちらが正しいか決められませ"
				   "ん。");
		else
			book_error(&b, E_XLSX_BROKEN,
				   "zip として読めません（途中で切れているか壊れています）。");
		return false;
	}
	b.pool = grid_strings_new();
	if (!read_rels(&b, "", &root_rels, &nroot))
		goto out;
	for (size_t i = 0; i < nroot && !wb_name; i++)
		if (rel_is(&root_rels[i], "officeDocument"))
			wb_name = xstrdup(root_rels[i].target);
	if (!wb_name && zip_has(b.z, "xl/workbook.xml"))
		wb_name = xstrdup("xl/workbook.xml");
	if (!wb_name || !zip_has(b.z, wb_name)) {
		const char *what =
			zip_has(b.z, "word/document.xml")      ? "Word の文書（.docx）"
			: zip_has(b.z, "ppt/presentation.xml") ? "PowerPoint のファイル（.pptx）"
			: zip_has(b.z, "content.xml")          ? "OpenDocument（.ods など）"
						      : "Excel ブックではない zip ファイル";

		struct strbuf m = STRBUF_INIT;

		sb_addf(&m, "このファイルは「%s」です。", what);
		book_error(&b, E_NOT_SPREADSHEET, sb_str(&m));
		sb_release(&m);
		goto out;
	}
	{
		struct rel *wr = NULL;
		size_t nwr = 0;

		if (!read_rels(&b, wb_name, &wr, &nwr))
			goto out;
		b.rels = wr;
		b.nrels = nwr;
	}
	if (!read_workbook(&b, wb_name, &w))
		goto out;
	for (size_t i = 0; i < b.nrels; i++) {
		if (rel_is(&b.rels[i], "styles") && zip_has(b.z, b.rels[i].target) &&
		    !read_styles(&b, b.rels[i].target))
			goto out;
	}
	for (size_t i = 0; i < b.nrels; i++) {
		if (rel_is(&b.rels[i], "sharedStrings") && zip_has(b.z, b.rels[i].target) &&
		    !read_sst(&b, b.rels[i].target))
			goto out;
	}
	out->date1904 = b.date1904;
	out->marker = w.marker;
	w.marker = NULL;
	/* a writer that drops the workbook-level constant (ExcelJS keeps only
	 * names that are ranges) leaves the submission sheets' names: still
	 * kaikaku's feedback workbook */
	if (!out->marker && w.input_names)
		out->marker = xstrdup("feedback");
	for (size_t i = 0; i < w.nsheets; i++) {
		const struct rel *r = rel_by_id(b.rels, b.nrels, w.sheets[i].rid);
		struct grid *g;

		/* chart sheets, dialog and macro sheets hold no tables, and a sheet
		 * without a relationship (a VBA module's r:id="") has no part */
		if (!r || !rel_is(r, "worksheet"))
			continue;
		out->nsheets++;
		if (!zip_has(b.z, r->target)) {
			struct loc loc = {file, w.sheets[i].name, 0};

			diag_add(d, E_XLSX_BROKEN, &loc, NULL, NULL,
				 "シート「%s」の中身（部品）がブックにありません。",
				 w.sheets[i].name);
			continue;
		}
		g = read_sheet(&b, r->target, w.sheets[i].name, (int)i);
		if (b.text_over) {
			struct strbuf m = STRBUF_INIT;

			sb_addf(&m,
				"セルの文字の合計（共有文字列は参照ごとに数えます）が上限の %llu "
				"バイトを超えるため、このブックは読みません（シート「%s」まで）。",
				(unsigned long long)lim->text_bytes, w.sheets[i].name);
			book_error(&b, E_TEXT_TOO_LARGE, sb_str(&m));
			sb_release(&m);
			goto out;
		}
		if (!g)
			continue;
		if (g->nrows == 0) {
			grid_free(g); /* an empty sheet is skipped silently */
			continue;
		}
		out->grids = xrealloc(out->grids, (out->ngrids + 1) * sizeof(*out->grids));
		out->input_sheet = xrealloc(out->input_sheet, (out->ngrids + 1) * sizeof(bool));
		out->input_sheet[out->ngrids] = w.sheets[i].input;
		out->grids[out->ngrids++] = g;
	}
	ok = true;
out:
	workbook_info_release(&w);
	rels_free(root_rels, nroot);
	rels_free(b.rels, b.nrels);
	grid_strings_unref(b.pool);
	free(b.sst);
	free(b.xfs);
	free(wb_name);
	zip_close(b.z);
	if (!ok)
		xlsx_book_release(out);
	return ok;
}

void xlsx_book_release(struct xlsx_book *b)
{
	for (size_t i = 0; i < b->ngrids; i++)
		grid_free(b->grids[i]);
	free(b->grids);
	free(b->input_sheet);
	free(b->marker);
	memset(b, 0, sizeof(*b));
}
