/*
 * pdf_draw.c - pages, text, shapes and tables through libharu.
 */
#include "kaikaku.h"

#include <math.h>

#include "fs.h"
#include "interpose.h"
#include "linebreak.h"
#include "pdf_draw.h"
#include "present.h"
#include "utf8.h"

#define A4_W 595.276
#define A4_H 841.89
#define GREY 0x595959
#define RULE 0xA6A6A6
#define HEADER_FILL 0x305496
#define SHADE 0xF2F5FA
#define PAD 3.0
#define LEADING 1.42
#define PDF_DEFLATE_LEVEL 1 /* see docs/BENCHMARKS.md */

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
	struct pdf *p = user;

	if (!p->error) {
		p->error = error;
		p->detail = detail;
	}
}

static bool ok(const struct pdf *p)
{
	return p->doc && !p->error;
}

static void rgb_fill(struct pdf *p, uint32_t rgb)
{
	HPDF_Page_SetRGBFill(p->page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f,
			     (rgb & 0xFF) / 255.0f);
}

static void rgb_stroke(struct pdf *p, uint32_t rgb)
{
	HPDF_Page_SetRGBStroke(p->page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f,
			       (rgb & 0xFF) / 255.0f);
}

/*
 * libharu 2.3's UTF-8 encoder gives the Type0 font a /ToUnicode stream that is
 * a CID CMap (begincidrange), not the bfrange map the PDF reference asks for
 * (ISO 32000-1 9.10.3): readers warn, and copy or search may fail. The codes
 * it writes are UCS-2 code points, so the right map is the identity on the
 * BMP; rewrite the stream in place before anything is saved. Surrogates are
 * never written (the glyph check refuses characters outside the BMP).
 */
static void fix_to_unicode(struct pdf *p)
{
	HPDF_Dict cmap = HPDF_Dict_GetItem(p->font, "ToUnicode", HPDF_OCLASS_DICT);
	struct strbuf sb = STRBUF_INIT;
	int ranges[256], n = 0;

	if (!cmap || !cmap->stream)
		return;
	for (int hi = 0; hi < 256; hi++)
		if (hi < 0xD8 || hi > 0xDF)
			ranges[n++] = hi;
	sb_adds(&sb, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		     "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (int i = 0; i < n; i += 100) {
		int m = n - i < 100 ? n - i : 100;

		sb_addf(&sb, "%d beginbfrange\n", m);
		for (int j = i; j < i + m; j++)
			sb_addf(&sb, "<%02X00> <%02XFF> <%02X00>\n", ranges[j], ranges[j],
				ranges[j]);
		sb_adds(&sb, "endbfrange\n");
	}
	sb_adds(&sb, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_MemStream_FreeData(cmap->stream);
	HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)sb_str(&sb), (HPDF_UINT)sb.len);
	sb_release(&sb);
}

bool pdf_open(struct pdf *p, struct pdf_font *font, const struct ttf_coverage *coverage,
	      const struct status_colours *palette, double margins[4], struct strbuf *err)
{
	const char *name;

	memset(p, 0, sizeof(*p));
	p->coverage = coverage;
	p->palette = palette;
	p->pw = A4_W;
	p->ph = A4_H;
	p->mt = margins[0];
	p->mb = margins[1];
	p->ml = margins[2];
	p->mr = margins[3];
	p->font_src = font;
	p->doc = pdf_font_doc(font, on_error, p, &p->font_use);
	if (!p->doc) {
		sb_adds(err, "PDF の文書を作れません（メモリ不足）");
		return false;
	}
	p->encoder = HPDF_GetEncoder(p->doc, "UTF-8");
	name = p->font_use.name;
	p->font = name ? HPDF_GetFont(p->doc, name, "UTF-8") : NULL;
	if (!p->font || p->error) {
		sb_addf(err, "フォント %s を PDF に読み込めません（libharu のエラー 0x%04lX）",
			font->path, (unsigned long)p->error);
		pdf_close(p);
		return false;
	}
	fix_to_unicode(p);
	pdf_font_map(p->font);
	p->widths = xmalloc(65536 * sizeof(float));
	for (size_t i = 0; i < 65536; i++)
		p->widths[i] = -1;
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, "kaikaku");
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "kaikaku " KAIKAKU_VERSION);
	HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	if (!ok(p)) {
		sb_addf(err, "PDF の文書を準備できません（libharu のエラー 0x%04lX）",
			(unsigned long)p->error);
		pdf_close(p);
		return false;
	}
	return true;
}

void pdf_close(struct pdf *p)
{
	if (p->doc)
		pdf_font_done(p->font_src, p->doc, &p->font_use, p->error != HPDF_OK);
	free(p->widths);
	free(p->pages);
	free(p->header_left);
	free(p->header_right);
	memset(p, 0, sizeof(*p));
}

void pdf_info(struct pdf *p, const char *title, const char *subject)
{
	if (!ok(p))
		return;
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, title);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, subject);
}

void pdf_header(struct pdf *p, const char *left, const char *right)
{
	free(p->header_left);
	free(p->header_right);
	p->header_left = xstrdup(left);
	p->header_right = xstrdup(right);
}

void pdf_page(struct pdf *p, bool with_header)
{
	if (!ok(p))
		return;
	p->page = HPDF_AddPage(p->doc);
	if (!p->page)
		return;
	HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	xgrow((void **)&p->pages, &p->cap_pages, p->npages + 1, sizeof(*p->pages));
	p->pages[p->npages++] = p->page;
	p->y = p->mt;
	if (with_header && p->header_left) {
		pdf_text(p, p->ml, p->mt - 22, 7.5, GREY, p->header_left);
		pdf_text_aligned(p, p->ml, p->pw - p->ml - p->mr, p->mt - 22, 7.5, GREY, PDF_RIGHT,
				 p->header_right);
		pdf_line(p, p->ml, p->mt - 17, p->pw - p->mr, p->mt - 17, 0.5, RULE, false);
	}
}

double pdf_room(const struct pdf *p)
{
	return p->ph - p->mb - p->y;
}

void pdf_need(struct pdf *p, double h)
{
	if (pdf_room(p) < h)
		pdf_page(p, true);
}

/* ---- text */

void pdf_clean(const struct pdf *p, const char *text, struct strbuf *out)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t n = strlen(text), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k) {
			sb_adds(out, PDF_SUBSTITUTE);
			i++;
			continue;
		}
		if (cp == '\n') {
			sb_addc(out, '\n');
		} else if (cp < 0x20 || cp == 0x7F) {
			sb_addc(out, ' ');
		} else if (!ttf_has(p->coverage, cp)) {
			sb_adds(out, PDF_SUBSTITUTE);
		} else {
			sb_add(out, text + i, k);
		}
		i += k;
	}
}

static double cp_width(void *ctx, uint32_t cp)
{
	struct pdf *p = ctx;
	char buf[4];
	size_t n;
	HPDF_TextWidth tw;

	if (cp >= 65536)
		cp = 0x3013;
	if (p->widths[cp] >= 0)
		return p->widths[cp];
	n = utf8_encode(cp, buf);
	tw = HPDF_Font_TextWidth(p->font, (const HPDF_BYTE *)buf, (HPDF_UINT)n);
	p->widths[cp] = (float)(tw.width / 1000.0);
	return p->widths[cp];
}

/* Width of already-clean text at size 1. */
static double clean_width(struct pdf *p, const char *t)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t n = strlen(t), i = 0;
	double w = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k)
			k = 1;
		else
			w += cp_width(p, cp);
		i += k;
	}
	return w;
}

double pdf_width(struct pdf *p, const char *text, double size)
{
	struct strbuf c = STRBUF_INIT;
	double w;

	if (!ok(p) || !text)
		return 0;
	pdf_clean(p, text, &c);
	w = clean_width(p, sb_str(&c)) * size;
	sb_release(&c);
	return w;
}

static void draw_clean(struct pdf *p, double x, double y, double size, uint32_t rgb, const char *t)
{
	if (!ok(p) || !p->page || !*t)
		return;
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, p->font, (HPDF_REAL)size);
	rgb_fill(p, rgb);
	HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y), t);
	HPDF_Page_EndText(p->page);
}

void pdf_text(struct pdf *p, double x, double y, double size, uint32_t rgb, const char *text)
{
	struct strbuf c = STRBUF_INIT;

	if (!text)
		return;
	pdf_clean(p, text, &c);
	draw_clean(p, x, y, size, rgb, sb_str(&c));
	sb_release(&c);
}

void pdf_text_aligned(struct pdf *p, double x, double w, double y, double size, uint32_t rgb,
		      enum pdf_align a, const char *text)
{
	struct strbuf c = STRBUF_INIT;
	double tw;

	if (!text || !ok(p))
		return;
	pdf_clean(p, text, &c);
	tw = clean_width(p, sb_str(&c)) * size;
	if (a == PDF_RIGHT)
		x += w - tw;
	else if (a == PDF_CENTER)
		x += (w - tw) / 2;
	draw_clean(p, x, y, size, rgb, sb_str(&c));
	sb_release(&c);
}

void pdf_wrap(struct pdf *p, const char *text, double width, double size, struct lines *out)
{
	linebreak(text, width / size, cp_width, p, out);
}

void pdf_cut_line(struct pdf *p, const char *text, double width, double size, struct strbuf *out)
{
	struct strbuf clean = STRBUF_INIT;
	struct lines l = {0};

	pdf_clean(p, text ? text : "", &clean);
	if (pdf_width(p, sb_str(&clean), size) <= width) {
		sb_adds(out, sb_str(&clean));
	} else {
		pdf_wrap(p, sb_str(&clean), width - pdf_width(p, "…", size), size, &l);
		if (l.n)
			sb_add(out, sb_str(&clean) + l.v[0].start, l.v[0].len);
		sb_adds(out, "…");
	}
	lines_release(&l);
	sb_release(&clean);
}

void pdf_paragraph(struct pdf *p, double x, double w, double size, uint32_t rgb, const char *text)
{
	struct strbuf c = STRBUF_INIT;
	struct lines l = {0};
	double lead = size * LEADING;

	if (!ok(p) || !text)
		return;
	pdf_clean(p, text, &c);
	pdf_wrap(p, sb_str(&c), w, size, &l);
	for (size_t i = 0; i < l.n; i++) {
		char *line = xstrndup(sb_str(&c) + l.v[i].start, l.v[i].len);

		pdf_need(p, lead);
		draw_clean(p, x, p->y + size, size, rgb, line);
		p->y += lead;
		free(line);
	}
	lines_release(&l);
	sb_release(&c);
}

/* ---- shapes */

void pdf_rect(struct pdf *p, double x, double y, double w, double h, uint32_t fill)
{
	if (!ok(p) || !p->page || w <= 0 || h <= 0)
		return;
	rgb_fill(p, fill);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	HPDF_Page_Fill(p->page);
}

void pdf_frame(struct pdf *p, double x, double y, double w, double h, double lw, uint32_t rgb)
{
	if (!ok(p) || !p->page)
		return;
	rgb_stroke(p, rgb);
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)lw);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	HPDF_Page_Stroke(p->page);
}

void pdf_line(struct pdf *p, double x1, double y1, double x2, double y2, double lw, uint32_t rgb,
	      bool dashed)
{
	static const HPDF_UINT16 dash[] = {4, 3};

	if (!ok(p) || !p->page)
		return;
	rgb_stroke(p, rgb);
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)lw);
	HPDF_Page_SetDash(p->page, dashed ? dash : NULL, dashed ? 2 : 0, 0);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - y1));
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x2, (HPDF_REAL)(p->ph - y2));
	HPDF_Page_Stroke(p->page);
	if (dashed)
		HPDF_Page_SetDash(p->page, NULL, 0, 0);
}

void pdf_dots(struct pdf *p, double x1, double x2, double y, uint32_t rgb)
{
	static const HPDF_UINT16 dots[] = {1, 4};

	if (!ok(p) || !p->page || x2 <= x1)
		return;
	rgb_stroke(p, rgb);
	HPDF_Page_SetLineWidth(p->page, 1);
	HPDF_Page_SetDash(p->page, dots, 2, 0);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - y));
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x2, (HPDF_REAL)(p->ph - y));
	HPDF_Page_Stroke(p->page);
	HPDF_Page_SetDash(p->page, NULL, 0, 0);
}

void pdf_dot(struct pdf *p, double x, double y, double r, uint32_t rgb)
{
	if (!ok(p) || !p->page)
		return;
	rgb_fill(p, rgb);
	HPDF_Page_Circle(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y), (HPDF_REAL)r);
	HPDF_Page_Fill(p->page);
}

static void rounded(struct pdf *p, double x, double y, double w, double h, double r)
{
	const double k = 0.5523 * r;
	HPDF_REAL X = (HPDF_REAL)x, Y = (HPDF_REAL)(p->ph - y - h), W = (HPDF_REAL)w,
		  H = (HPDF_REAL)h, R = (HPDF_REAL)r, K = (HPDF_REAL)k;

	HPDF_Page_MoveTo(p->page, X + R, Y);
	HPDF_Page_LineTo(p->page, X + W - R, Y);
	HPDF_Page_CurveTo(p->page, X + W - R + K, Y, X + W, Y + R - K, X + W, Y + R);
	HPDF_Page_LineTo(p->page, X + W, Y + H - R);
	HPDF_Page_CurveTo(p->page, X + W, Y + H - R + K, X + W - R + K, Y + H, X + W - R, Y + H);
	HPDF_Page_LineTo(p->page, X + R, Y + H);
	HPDF_Page_CurveTo(p->page, X + R - K, Y + H, X, Y + H - R + K, X, Y + H - R);
	HPDF_Page_LineTo(p->page, X, Y + R);
	HPDF_Page_CurveTo(p->page, X, Y + R - K, X + R - K, Y, X + R, Y);
}

void pdf_badge(struct pdf *p, double x, double y, double w, double h, double size, enum status st)
{
	const struct status_colours *c = &p->palette[st];

	if (!ok(p) || !p->page)
		return;
	rgb_fill(p, c->fill);
	rgb_stroke(p, c->chart);
	HPDF_Page_SetLineWidth(p->page, 0.6f);
	rounded(p, x, y, w, h, h / 3);
	HPDF_Page_FillStroke(p->page);
	{
		/* the mark as well as the word: it reads in greyscale and without colour */
		char lab[48];

		snprintf(lab, sizeof(lab), "%s%s", present_status_mark(st), status_word(st));
		pdf_text_aligned(p, x, w, y + h / 2 + size * 0.36, size, c->text, PDF_CENTER, lab);
	}
}

void pdf_progress(struct pdf *p, double x, double y, double w, double h, double progress,
		  double expected, uint32_t fill)
{
	double bar = w * 0.62, fw;
	char label[PRESENT_MAX];

	if (!ok(p) || !p->page)
		return;
	pdf_rect(p, x, y, bar, h, 0xEDEDED);
	fw = progress < 0 ? 0 : progress > 1 ? bar : bar * progress;
	pdf_rect(p, x, y, fw, h, fill);
	pdf_frame(p, x, y, bar, h, 0.4, RULE);
	/* the expected progress: a dark tick across the bar */
	{
		double ex = x + bar * (expected < 0 ? 0 : expected > 1 ? 1 : expected);

		pdf_line(p, ex, y - 2, ex, y + h + 2, 1.4, 0x262626, false);
	}
	pdf_text(p, x + bar + 4, y + h - 0.5, h + 1, 0x262626, present_percent(progress, label));
}

void pdf_hatch(struct pdf *p, double x, double y, double w, double h, uint32_t rgb)
{
	if (!ok(p) || !p->page || w <= 0 || h <= 0)
		return;
	HPDF_Page_GSave(p->page);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	HPDF_Page_Clip(p->page);
	HPDF_Page_EndPath(p->page);
	rgb_stroke(p, rgb);
	HPDF_Page_SetLineWidth(p->page, 0.8f);
	for (double d = -h; d < w; d += 4) {
		HPDF_Page_MoveTo(p->page, (HPDF_REAL)(x + d), (HPDF_REAL)(p->ph - y - h));
		HPDF_Page_LineTo(p->page, (HPDF_REAL)(x + d + h), (HPDF_REAL)(p->ph - y));
	}
	HPDF_Page_Stroke(p->page);
	HPDF_Page_GRestore(p->page);
}

void pdf_spark(struct pdf *p, double x, double y, double w, double h, const double *v, size_t n)
{
	double lo = 0, hi = 0;

	if (!ok(p) || !p->page || n < 2)
		return;
	lo = hi = v[0];
	for (size_t i = 1; i < n; i++) {
		lo = fmin(lo, v[i]);
		hi = fmax(hi, v[i]);
	}
	if (!isfinite(lo) || !isfinite(hi))
		return;
	rgb_stroke(p, 0x305496);
	HPDF_Page_SetLineWidth(p->page, 0.9f);
	for (size_t i = 0; i < n; i++) {
		double px = x + w * (double)i / (double)(n - 1);
		double py = hi > lo ? y + h - h * (v[i] - lo) / (hi - lo) : y + h / 2;

		if (i == 0)
			HPDF_Page_MoveTo(p->page, (HPDF_REAL)px, (HPDF_REAL)(p->ph - py));
		else
			HPDF_Page_LineTo(p->page, (HPDF_REAL)px, (HPDF_REAL)(p->ph - py));
	}
	HPDF_Page_Stroke(p->page);
	{
		double py = hi > lo ? y + h - h * (v[n - 1] - lo) / (hi - lo) : y + h / 2;

		pdf_dot(p, x + w, py, 1.4, 0x305496);
	}
}

/* ---- navigation */

HPDF_Outline pdf_outline(struct pdf *p, HPDF_Outline parent, const char *title)
{
	HPDF_Outline o;
	HPDF_Destination d;

	if (!ok(p) || !p->page)
		return NULL;
	o = HPDF_CreateOutline(p->doc, parent, title, p->encoder);
	d = HPDF_Page_CreateDestination(p->page);
	if (!o || !d)
		return NULL;
	/* libharu refuses XYZ with zoom 0 ("keep the zoom"): fit the width instead */
	HPDF_Destination_SetFitH(d, (HPDF_REAL)fmin(p->ph, p->ph - p->y + 20));
	HPDF_Outline_SetDestination(o, d);
	HPDF_Outline_SetOpened(o, HPDF_FALSE);
	return o;
}

void pdf_link(struct pdf *p, HPDF_Page on, double x, double y, double w, double h, HPDF_Page to,
	      double to_y)
{
	HPDF_Rect r;
	HPDF_Destination d;
	HPDF_Annotation a;

	if (!ok(p) || !on || !to)
		return;
	r.left = (HPDF_REAL)x;
	r.right = (HPDF_REAL)(x + w);
	r.top = (HPDF_REAL)(p->ph - y);
	r.bottom = (HPDF_REAL)(p->ph - y - h);
	d = HPDF_Page_CreateDestination(to);
	if (!d)
		return;
	HPDF_Destination_SetFitH(d, (HPDF_REAL)fmin(p->ph, p->ph - to_y + 20));
	a = HPDF_Page_CreateLinkAnnot(on, r, d);
	if (a)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

bool pdf_save(struct pdf *p, const char *path, struct strbuf *err)
{
	char num[48];
	bool saved;

	for (size_t i = 0; i < p->npages && ok(p); i++) {
		p->page = p->pages[i];
		snprintf(num, sizeof(num), "%zu / %zu", i + 1, p->npages);
		pdf_text_aligned(p, p->ml, p->pw - p->ml - p->mr, p->ph - p->mb + 26, 8, GREY,
				 PDF_CENTER, num);
	}
	/* saved in memory, then written with every error checked and named */
	interpose_deflate_level(PDF_DEFLATE_LEVEL);
	saved = ok(p) && HPDF_SaveToStream(p->doc) == HPDF_OK;
	interpose_deflate_level(-1);
	if (saved) {
		HPDF_UINT32 size = HPDF_GetStreamSize(p->doc);
		HPDF_BYTE *buf = xmalloc(size ? size : 1);
		HPDF_UINT32 got = size;
		bool written;

		if (HPDF_ReadFromStream(p->doc, buf, &got) > HPDF_STREAM_EOF || got != size) {
			free(buf);
			if (!p->error)
				p->error = HPDF_FILE_IO_ERROR;
		} else {
			written = fs_write_file(path, buf, size, err);
			free(buf);
			return written;
		}
	}
	if (!p->error)
		p->error = HPDF_FILE_IO_ERROR;
	sb_addf(err, "%s を作れません（libharu のエラー 0x%04lX / %lu）", path,
		(unsigned long)p->error, (unsigned long)p->detail);
	return false;
}

/* ---- tables */

static void table_header(struct pdf_table *t)
{
	struct pdf *p = t->p;
	double h = t->size * LEADING + 2 * PAD, x = t->x, total = 0;

	for (size_t i = 0; i < t->ncols; i++)
		total += t->cols[i].width;
	pdf_rect(p, t->x, p->y, total, h, HEADER_FILL);
	for (size_t i = 0; i < t->ncols; i++) {
		pdf_text_aligned(p, x + PAD + 1, t->cols[i].width - 2 * PAD - 2,
				 p->y + PAD + t->size * 1.05, t->size, 0xFFFFFF,
				 t->cols[i].align == PDF_RIGHT ? PDF_RIGHT : PDF_LEFT,
				 t->cols[i].title);
		x += t->cols[i].width;
	}
	p->y += h;
}

void pdf_table_start(struct pdf_table *t, struct pdf *p, const struct pdf_column *cols,
		     size_t ncols, double size)
{
	memset(t, 0, sizeof(*t));
	t->p = p;
	t->cols = cols;
	t->ncols = ncols;
	t->x = p->ml;
	t->size = size;
	t->shade = true;
}

/* A row's cells measured: their text as drawn, wrapped, and the row's
 * height (padding included). */
static double measure_row(struct pdf_table *t, const struct pdf_cell *cells, struct strbuf *clean,
			  struct lines *lines, double *size, bool *cut)
{
	struct pdf *p = t->p;
	double lead = t->size * LEADING, h = lead;
	double most = p->ph - p->mt - p->mb - 2 * (lead + 2 * PAD);
	size_t max_lines = (size_t)(most / lead);

	for (size_t i = 0; i < t->ncols; i++) {
		size[i] = t->size;
		if (cells[i].kind == PDF_CELL_TEXT && cells[i].text) {
			double cw = t->cols[i].width - 2 * PAD - 2;

			pdf_clean(p, cells[i].text, &clean[i]);
			if (t->cols[i].fit) {
				double w = pdf_width(p, sb_str(&clean[i]), t->size);

				if (w > cw)
					size[i] = fmax(t->size * cw / w, t->size * 0.7);
			}
			pdf_wrap(p, sb_str(&clean[i]), cw, size[i], &lines[i]);
			/* nothing overflows a page: a cell taller than a page is cut,
			 * visibly (… ends its last line) */
			if (lines[i].n > max_lines) {
				lines[i].n = max_lines;
				cut[i] = true;
			}
			if (lines[i].n * lead > h)
				h = lines[i].n * lead;
		} else if (cells[i].kind == PDF_CELL_STATUS) {
			if (t->size + 6 > h)
				h = t->size + 6;
		}
	}
	return h + 2 * PAD;
}

/* What measure_row fills for each column, and its release. */
static void row_free(size_t n, struct strbuf *clean, struct lines *lines, double *size, bool *cut)
{
	for (size_t i = 0; i < n; i++) {
		sb_release(&clean[i]);
		lines_release(&lines[i]);
	}
	free(clean);
	free(lines);
	free(size);
	free(cut);
}

double pdf_table_row_height(struct pdf_table *t, const struct pdf_cell *cells)
{
	struct strbuf *clean = xcalloc(t->ncols, sizeof(*clean));
	struct lines *lines = xcalloc(t->ncols, sizeof(*lines));
	double *size = xcalloc(t->ncols, sizeof(*size));
	bool *cut = xcalloc(t->ncols, sizeof(*cut));
	double h = measure_row(t, cells, clean, lines, size, cut);

	row_free(t->ncols, clean, lines, size, cut);
	return h;
}

/* A new page for a table that continues: the running title marked （続き）,
 * then the header again. */
static void table_continue(struct pdf_table *t)
{
	struct pdf *p = t->p;

	pdf_page(p, true);
	if (p->running) {
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "%s（続き）", p->running);
		pdf_text(p, p->ml, p->y + 11, 10, 0x1F3864, sb_str(&sb));
		p->y += 18;
		sb_release(&sb);
	}
	table_header(t);
}

void pdf_table_row(struct pdf_table *t, const struct pdf_cell *cells)
{
	struct pdf *p = t->p;
	double lead = t->size * LEADING, h, x = t->x, total = 0;
	double page = p->ph - p->mt - p->mb;
	struct strbuf *clean = xcalloc(t->ncols, sizeof(*clean));
	struct lines *lines = xcalloc(t->ncols, sizeof(*lines));
	double *size = xcalloc(t->ncols, sizeof(*size));
	bool *cut = xcalloc(t->ncols, sizeof(*cut));

	if (!ok(p)) {
		free(clean);
		free(lines);
		free(size);
		free(cut);
		return;
	}
	for (size_t i = 0; i < t->ncols; i++)
		total += t->cols[i].width;
	h = measure_row(t, cells, clean, lines, size, cut);
	/* keep: the height of the row that must stay with this one (the second row
	 * with the first, the last with the one before it), when both fit a page */
	if (t->keep > 0 && h + t->keep + 60 > page)
		t->keep = 0;
	if (!t->rows) {
		/* the header with room for a first row (and its companion) below it */
		pdf_need(p, (lead + 2 * PAD) + h + t->keep + 2 * PAD);
		table_header(t);
	} else if (pdf_room(p) < h + t->keep) {
		table_continue(t);
	}
	t->keep = 0;
	if (t->shade && t->rows % 2)
		pdf_rect(p, t->x, p->y, total, h, SHADE);
	for (size_t i = 0; i < t->ncols; i++) {
		const struct pdf_column *col = &t->cols[i];
		double cw = col->width - 2 * PAD - 2, cx = x + PAD + 1;

		switch (cells[i].kind) {
		case PDF_CELL_TEXT:
			for (size_t k = 0; k < lines[i].n; k++) {
				struct strbuf line = STRBUF_INIT;

				sb_add(&line, sb_str(&clean[i]) + lines[i].v[k].start,
				       lines[i].v[k].len);
				if (cut[i] && k + 1 == lines[i].n) {
					/* drop characters until the ellipsis fits */
					sb_adds(&line, "…");
					while (line.len > 3 &&
					       pdf_width(p, sb_str(&line), size[i]) > cw) {
						size_t e = line.len - 3;

						do
							e--;
						while (e > 0 &&
						       ((unsigned char)line.buf[e] & 0xC0) == 0x80);
						memmove(line.buf + e, line.buf + line.len - 3, 4);
						line.len = e + 3;
					}
				}
				pdf_text_aligned(p, cx, cw, p->y + PAD + k * lead + t->size * 1.05,
						 size[i], 0x1A1A1A, col->align, sb_str(&line));
				sb_release(&line);
			}
			break;
		case PDF_CELL_STATUS: {
			double bw = cw < 42 ? cw : 42;

			pdf_badge(p, cx + (cw - bw) / 2, p->y + PAD, bw, t->size + 5, t->size - 0.5,
				  cells[i].status);
			break;
		}
		case PDF_CELL_PROGRESS:
			if (cells[i].has_progress)
				pdf_progress(p, cx, p->y + PAD + 2, cw, t->size - 2,
					     cells[i].progress, cells[i].expected,
					     p->palette[cells[i].status].chart);
			else
				pdf_text(p, cx, p->y + PAD + t->size * 1.05, t->size, GREY,
					 "（報告なし）");
			break;
		case PDF_CELL_SPARK:
			pdf_spark(p, cx, p->y + PAD + 1, cw, t->size, cells[i].spark,
				  cells[i].nspark);
			break;
		}
		x += col->width;
	}
	pdf_line(p, t->x, p->y + h, t->x + total, p->y + h, 0.3, 0xD0D0D0, false);
	p->y += h;
	t->rows++;
	row_free(t->ncols, clean, lines, size, cut);
}

void pdf_table_end(struct pdf_table *t)
{
	t->p->y += 6;
}

void pdf_table(struct pdf *p, const struct pdf_column *cols, size_t ncols, double size,
	       const void *ctx, size_t nrows)
{
	struct pdf_table t;
	struct pdf_cell *cells = xcalloc(ncols, sizeof(*cells));
	struct strbuf *bufs = xcalloc(ncols, sizeof(*bufs));

	pdf_table_start(&t, p, cols, ncols, size);
	for (size_t r = 0; r < nrows; r++) {
		/* no row alone: the first two and the last two rows stay together */
		if (nrows >= 2 && (r == 0 || (nrows >= 3 && r == nrows - 2))) {
			size_t next = r + 1;
			struct pdf_cell *ahead = xcalloc(ncols, sizeof(*ahead));
			struct strbuf *abufs = xcalloc(ncols, sizeof(*abufs));

			for (size_t i = 0; i < ncols; i++)
				if (cols[i].get)
					cols[i].get(ctx, next, &cols[i], &ahead[i], &abufs[i]);
			t.keep = pdf_table_row_height(&t, ahead);
			for (size_t i = 0; i < ncols; i++)
				sb_release(&abufs[i]);
			free(abufs);
			free(ahead);
		}
		for (size_t i = 0; i < ncols; i++) {
			memset(&cells[i], 0, sizeof(cells[i]));
			sb_reset(&bufs[i]);
			if (cols[i].get)
				cols[i].get(ctx, r, &cols[i], &cells[i], &bufs[i]);
		}
		pdf_table_row(&t, cells);
	}
	pdf_table_end(&t);
	for (size_t i = 0; i < ncols; i++)
		sb_release(&bufs[i]);
	free(bufs);
	free(cells);
}
