/*
 * pdf_font.c - see pdf_font.h.
 */
#include "kaikaku.h"

#include <unistd.h>

#include "fs.h"
#include "interpose.h"
#include "pdf_font.h"

/* ---- the font's bytes */

/* The tables libharu reads and embeds, in its order (hpdf_fontdef_tt.c's
 * REQUIRED_TAGS). */
static const char *const kept[] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea",
				   "hmtx", "loca", "maxp", "name", "post", "prep"};

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t get16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static void put16(struct strbuf *sb, uint32_t v)
{
	sb_addc(sb, (char)(v >> 8));
	sb_addc(sb, (char)v);
}

static void put32(struct strbuf *sb, uint32_t v)
{
	put16(sb, v >> 16);
	put16(sb, v & 0xFFFF);
}

static void set16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void set32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* The TrueType checksum: the sum of the big-endian 32-bit words, the last
 * one padded with zeros. */
static uint32_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i = 0;

	for (; i + 4 <= n; i += 4)
		sum += get32(p + i);
	if (i < n) {
		unsigned char w[4] = {0};

		memcpy(w, p + i, n - i);
		sum += get32(w);
	}
	return sum;
}

/* A cmap with printable ASCII only (what libharu measures at load: the cap
 * and x heights), one format-4 subtable for Windows Unicode. */
static void small_cmap(struct strbuf *t, const uint16_t *gid)
{
	put16(t, 0);  /* version */
	put16(t, 1);  /* one subtable */
	put16(t, 3);  /* Windows */
	put16(t, 1);  /* Unicode BMP */
	put32(t, 12); /* its offset */
	put16(t, 4);  /* format 4 */
	/* its length: seven fields, four arrays of two segments, the pad and
	 * 95 glyph numbers (until 2026-12-02 it said 8 bytes less) */
	put16(t, 14 + 4 * 4 + 2 + 2 * 95);
	put16(t, 0); /* language */
	put16(t, 4); /* two segments */
	put16(t, 4); /* searchRange */
	put16(t, 1); /* entrySelector */
	put16(t, 0); /* rangeShift */
	put16(t, 0x7E);
	put16(t, 0xFFFF); /* endCode */
	put16(t, 0);      /* reservedPad */
	put16(t, 0x20);
	put16(t, 0xFFFF); /* startCode */
	put16(t, 0);
	put16(t, 1); /* idDelta */
	put16(t, 4);
	put16(t, 0); /* idRangeOffset: the first into glyphIdArray */
	for (uint32_t c = 0x20; c <= 0x7E; c++)
		put16(t, gid[c]);
}

/* ---- once per run */

static void quiet(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
	(void)error;
	(void)detail;
	(void)user;
}

/*
 * libharu's own answer for every BMP code point, through the font as it is.
 * HPDF_TTFontDef_GetGlyphid scans the segments from the first for each code
 * point; this walks its parsed arrays once with the same arithmetic, and asks
 * libharu itself wherever that arithmetic would leave the arrays (so the
 * answers are its own even for a malformed cmap).
 */
static bool lookups(const char *path, uint16_t *gid)
{
	HPDF_Doc doc = HPDF_New(quiet, NULL);
	const char *name;
	HPDF_FontDef def;
	const HPDF_TTF_CmapRange *c;
	bool sorted = true;

	if (!doc)
		return false;
	name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
	def = name ? HPDF_GetFontDef(doc, name) : NULL;
	if (!def) {
		HPDF_Free(doc);
		return false;
	}
	c = &((HPDF_TTFontDefAttr)((HPDF_FontDef)def)->attr)->cmap;
	for (uint32_t i = 1; i < c->seg_count_x2 / 2u; i++)
		sorted = sorted && c->end_count[i - 1] <= c->end_count[i];
	if (c->format != 4 || c->seg_count_x2 == 0 || !sorted) {
		for (uint32_t u = 0; u < 65536; u++)
			gid[u] = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)u);
	} else {
		uint32_t seg = c->seg_count_x2 / 2u, i = 0;

		for (uint32_t u = 0; u < 65536; u++) {
			while (i < seg && u > c->end_count[i])
				i++;
			if (i == seg) {
				gid[u] = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)u);
			} else if (c->start_count[i] > u) {
				gid[u] = 0;
			} else if (c->id_range_offset[i] == 0) {
				gid[u] = (uint16_t)(u + (uint32_t)(int32_t)c->id_delta[i]);
			} else {
				uint32_t idx = c->id_range_offset[i] / 2u +
					       (u - c->start_count[i]) - (seg - i);

				if (idx > c->glyph_id_array_count)
					gid[u] = 0;
				else if (idx == c->glyph_id_array_count)
					gid[u] = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)u);
				else
					gid[u] = (uint16_t)(c->glyph_id_array[idx] +
							    (uint32_t)(int32_t)c->id_delta[i]);
			}
		}
	}
	HPDF_Free(doc);
	return true;
}

bool pdf_font_prepare(struct pdf_font *f, const char *path, struct strbuf *err)
{
	const char *mode = getenv("KAIKAKU_PDF_FONT");

	memset(f, 0, sizeof(*f));
	f->path = path;
	f->fd = -1;
	if (mode && strcmp(mode, "plain") == 0)
		return true;
	/*
	 * The font as installed, mapped and not copied: the documents read the
	 * glyphs they embed from these pages, which the page cache already holds
	 * and every worker shares. libharu loads it through /proc/self/fd, the
	 * file this descriptor holds open, so the bytes it parses are the bytes
	 * mapped even if the font is replaced during the run (a package upgrade
	 * renames a new file into place). A font rewritten in place during the
	 * run (cp over it) is not guarded against: shortened, the pages past its
	 * new end would stop the run (SIGBUS), as they would stop any program
	 * reading it. (A copy in memory was immune, at 17 ms a run.)
	 */
	if (!(f->ttf = fs_map_file(path, &f->fd, &f->ttf_len, err)))
		return false;
	snprintf(f->fd_path, sizeof(f->fd_path), "/proc/self/fd/%d", f->fd);
	f->gid = xmalloc(65536 * sizeof(*f->gid));
	if (access(f->fd_path, R_OK) != 0 || !lookups(f->fd_path, f->gid)) {
		/* no /proc, or libharu cannot load it: its own use of the font */
		pdf_font_release(f);
		f->path = path;
	}
	return true;
}

static void pdf_font_unload(struct pdf_font_use *u);

/* ---- the embedded font's bytes (interpose.c's HPDF_TTFontDef_SaveFontData)
 *
 * The font libharu embeds, made the way its own hpdf_fontdef_tt.c makes it,
 * from the font mapped in memory instead of through its stream four bytes at
 * a time: the 13 tables of REQUIRED_TAGS in that order, unpadded; head as
 * libharu parsed it with checkSumAdjustment computed its way (over the
 * tables' whole 32-bit words only); glyf with only the glyphs used, loca to
 * match, name with the subset tag before names 1 and 4; a cmap of printable
 * ASCII (libharu embedded the whole 245 kB one) and post's header alone
 * (format 3: libharu embedded its 113 kB of glyph names); the rest copied.
 * With the glyphs renumbered (below), glyf, loca and hmtx hold the used
 * glyphs only, and hhea, maxp and the small cmap count them in the new
 * numbers; otherwise the bytes are libharu's own (tests/golden.py held them
 * until the renumbering).
 */
/* the font whose stream reads the mapped font, in this process */
static struct {
	HPDF_FontDef def;
	const unsigned char *buf;
	size_t len;
	const uint16_t *gid; /* libharu's glyph for each BMP code point */
} in_memory;

static bool has(size_t n, uint64_t off, uint64_t len)
{
	return off <= n && len <= n - off;
}

static const HPDF_TTFTable *table_of(HPDF_TTFontDefAttr a, const char *tag)
{
	for (unsigned i = 0; i < a->offset_tbl.num_tables; i++)
		if (memcmp(a->offset_tbl.table[i].tag, tag, 4) == 0)
			return &a->offset_tbl.table[i];
	return NULL;
}

/* glyf with the glyphs used, and their offsets (loca's units) in off[] */
static bool used_glyphs(HPDF_TTFontDefAttr a, const unsigned char *ttf, size_t n, uint32_t *off,
			struct strbuf *out)
{
	size_t start = out->len;
	uint32_t save = 0;
	bool half = a->header.index_to_loc_format == 0;

	for (unsigned i = 0; i < a->num_glyphs; i++) {
		if (a->glyph_tbl.flgs[i] != 1) {
			off[i] = save;
			continue;
		}
		uint32_t at = a->glyph_tbl.offsets[i], len = a->glyph_tbl.offsets[i + 1] - at;

		off[i] = (uint32_t)(out->len - start);
		if (half) {
			off[i] /= 2;
			len *= 2;
			at *= 2;
		}
		if (!has(n, (uint64_t)a->glyph_tbl.base_offset + at, len))
			return false;
		sb_add(out, ttf + a->glyph_tbl.base_offset + at, len);
		save = (uint32_t)(out->len - start);
		if (half)
			save /= 2;
	}
	off[a->num_glyphs] = save;
	return true;
}

static bool name_table(HPDF_TTFontDefAttr a, const HPDF_TTFTable *t, const unsigned char *ttf,
		       size_t n, struct strbuf *out)
{
	struct strbuf str = STRBUF_INIT;
	bool ok = true;

	put16(out, a->name_tbl.format);
	put16(out, a->name_tbl.count);
	put16(out, a->name_tbl.string_offset);
	for (unsigned i = 0; i < a->name_tbl.count && ok; i++) {
		const HPDF_TTF_NameRecord *r = &a->name_tbl.name_records[i];
		uint64_t at = (uint64_t)t->offset + a->name_tbl.string_offset + r->offset;
		uint32_t len = r->length, rec = (uint32_t)str.len;

		if (r->name_id == 1 || r->name_id == 4) {
			if (r->platform_id == 0 || r->platform_id == 3) {
				sb_add(&str, a->tag_name2, sizeof(a->tag_name2));
				len += sizeof(a->tag_name2);
			} else {
				sb_add(&str, a->tag_name, sizeof(a->tag_name));
				len += sizeof(a->tag_name);
			}
		}
		put16(out, r->platform_id);
		put16(out, r->encoding_id);
		put16(out, r->language_id);
		put16(out, r->name_id);
		put16(out, len & 0xFFFF);
		put16(out, rec & 0xFFFF);
		ok = has(n, at, r->length);
		if (ok)
			sb_add(&str, ttf + at, r->length);
	}
	sb_add(out, str.buf, str.len);
	sb_release(&str);
	return ok;
}

static void head_table(HPDF_TTFontDefAttr a, struct strbuf *out, size_t *adjust_at)
{
	const HPDF_TTF_FontHeader *h = &a->header;

	sb_add(out, h->version_number, 4);
	put32(out, h->font_revision);
	*adjust_at = out->len;
	put32(out, 0);
	put32(out, h->magic_number);
	put16(out, h->flags);
	put16(out, h->units_per_em);
	sb_add(out, h->created, 8);
	sb_add(out, h->modified, 8);
	put16(out, (uint16_t)h->x_min);
	put16(out, (uint16_t)h->y_min);
	put16(out, (uint16_t)h->x_max);
	put16(out, (uint16_t)h->y_max);
	put16(out, h->mac_style);
	put16(out, h->lowest_rec_ppem);
	put16(out, (uint16_t)h->font_direction_hint);
	put16(out, (uint16_t)h->index_to_loc_format);
	put16(out, (uint16_t)h->glyph_data_format);
}

/* ---- the glyphs renumbered
 *
 * libharu embeds every glyph's loca and hmtx entries (12,239 of them: 98 kB
 * before compression in every pack), the glyphs not used left empty. The
 * embedded font keeps only the glyphs used, renumbered in their order (glyph
 * 0 first), and the CIDToGIDMap, written in the same save, maps each CID to
 * its glyph's new number: the page content (CIDs) and the widths (by CID) do
 * not change. Whichever of the two libharu writes first decides for the
 * document, and the other follows (pdf_font_map starts each document
 * undecided): both renumbered, or neither.
 */
static struct {
	HPDF_FontDef def; /* the document's font, once decided */
	int decided;      /* 0: not yet; 1: renumbered; -1: libharu's numbers */
	uint16_t *gid;    /* old glyph number -> new (0 for a glyph not kept) */
	unsigned n;       /* the glyphs kept */
} renum;

/* The component glyph numbers of a composite glyph (numberOfContours < 0) at
 * p, len bytes: each one's place in p (at[], up to most) and how many; false
 * when it runs outside the glyph. */
static bool components(const unsigned char *p, size_t len, size_t *at, size_t most, size_t *count)
{
	size_t i = 10;
	uint32_t flags;

	*count = 0;
	if (len < 10 || !(get16(p) & 0x8000))
		return true; /* a simple glyph (or an empty one) */
	do {
		if (i + 4 > len || *count == most)
			return false;
		flags = get16(p + i);
		at[(*count)++] = i + 2;
		i += 4 + ((flags & 0x0001) ? 4 : 2); /* ARG_1_AND_2_ARE_WORDS */
		if (flags & 0x0008)
			i += 2; /* WE_HAVE_A_SCALE */
		else if (flags & 0x0040)
			i += 4; /* WE_HAVE_AN_X_AND_Y_SCALE */
		else if (flags & 0x0080)
			i += 8;   /* WE_HAVE_A_TWO_BY_TWO */
	} while (flags & 0x0020); /* MORE_COMPONENTS */
	return i <= len;
}

/* The glyph's bytes in the mapped font (false when outside it). */
static bool glyph_bytes(HPDF_TTFontDefAttr a, unsigned g, const unsigned char **p, size_t *len)
{
	uint64_t at = a->glyph_tbl.offsets[g], end = a->glyph_tbl.offsets[g + 1];

	if (a->header.index_to_loc_format == 0) {
		at *= 2;
		end *= 2;
	}
	if (end < at || !has(in_memory.len, (uint64_t)a->glyph_tbl.base_offset + at, end - at))
		return false;
	*p = in_memory.buf + a->glyph_tbl.base_offset + at;
	*len = (size_t)(end - at);
	return true;
}

/* Whether glyph g is embedded: glyph 0 always, the others when used. */
static bool kept_glyph(HPDF_TTFontDefAttr a, unsigned g)
{
	return g == 0 || a->glyph_tbl.flgs[g] == 1;
}

/* Glyph g's new number: 0 for one not kept (or outside the font). */
static uint32_t new_gid(HPDF_TTFontDefAttr a, uint32_t g)
{
	return g < a->num_glyphs ? renum.gid[g] : 0;
}

/* Decides for the document whose font is def: renumbered when every glyph
 * used is inside the font and every component of a composite one is used. */
static bool renumbered(HPDF_FontDef def)
{
	HPDF_TTFontDefAttr a;
	unsigned n = 0;
	bool ok;

	if (renum.decided && renum.def == def)
		return renum.decided > 0;
	a = (HPDF_TTFontDefAttr)def->attr;
	renum.def = def;
	renum.gid = xrealloc(renum.gid, ((size_t)a->num_glyphs + 1) * sizeof(*renum.gid));
	ok = a->num_glyphs > 0 && a->glyph_tbl.flgs && a->glyph_tbl.offsets && a->h_metric &&
	     def == in_memory.def && table_of(a, "hhea") && table_of(a, "hhea")->length >= 36 &&
	     table_of(a, "maxp") && table_of(a, "maxp")->length >= 6;
	for (size_t i = 0; ok && i < ARRAY_LEN(kept); i++)
		ok = table_of(a, kept[i]) != NULL;
	for (unsigned g = 0; ok && g < a->num_glyphs; g++)
		renum.gid[g] = kept_glyph(a, g) ? (uint16_t)n++ : 0;
	for (unsigned g = 0; ok && g < a->num_glyphs; g++) {
		const unsigned char *p;
		size_t len, at[64], count;

		if (!kept_glyph(a, g))
			continue;
		ok = glyph_bytes(a, g, &p, &len) && components(p, len, at, ARRAY_LEN(at), &count);
		for (size_t c = 0; ok && c < count; c++) {
			uint32_t part = get16(p + at[c]);

			ok = part < a->num_glyphs && kept_glyph(a, part);
		}
	}
	renum.n = n;
	renum.decided = ok ? 1 : -1;
	return ok;
}

/* glyf with the kept glyphs, their component numbers renumbered, and their
 * offsets (loca's units) in off[] */
static bool kept_glyphs(HPDF_TTFontDefAttr a, uint32_t *off, struct strbuf *out)
{
	size_t start = out->len;
	unsigned k = 0;
	bool half = a->header.index_to_loc_format == 0;

	for (unsigned g = 0; g < a->num_glyphs; g++) {
		const unsigned char *p;
		size_t len, at[64], count;

		if (!kept_glyph(a, g))
			continue;
		if (!glyph_bytes(a, g, &p, &len) || !components(p, len, at, ARRAY_LEN(at), &count))
			return false;
		off[k++] = (uint32_t)((out->len - start) / (half ? 2 : 1));
		sb_add(out, p, len);
		for (size_t c = 0; c < count; c++) {
			unsigned char *q = (unsigned char *)out->buf + out->len - len + at[c];

			set16(q, new_gid(a, get16(q)));
		}
	}
	off[k] = (uint32_t)((out->len - start) / (half ? 2 : 1));
	return true;
}

static int save_font(void *fontdef, void *stream)
{
	HPDF_FontDef def = fontdef;
	HPDF_TTFontDefAttr a;
	struct strbuf tabs = STRBUF_INIT, dir = STRBUF_INIT;
	size_t at[ARRAY_LEN(kept)], len[ARRAY_LEN(kept)], adjust_at = 0, n = in_memory.len;
	const unsigned char *ttf = in_memory.buf;
	uint32_t *off, adjust = 0xB1B0AFBAu;
	bool ok = true, sub;
	unsigned glyphs;
	HPDF_STATUS st;

	if (!def || def != in_memory.def || !ttf)
		return -1;
	a = (HPDF_TTFontDefAttr)def->attr;
	for (size_t i = 0; i < ARRAY_LEN(kept); i++)
		if (!table_of(a, kept[i]))
			return -1; /* libharu's own writes an empty one */
	sub = renumbered(def);
	glyphs = sub ? renum.n : a->num_glyphs;
	off = xmalloc(((size_t)a->num_glyphs + 1) * sizeof(*off));
	for (size_t i = 0; i < ARRAY_LEN(kept) && ok; i++) {
		const HPDF_TTFTable *t = table_of(a, kept[i]);

		at[i] = tabs.len;
		if (strcmp(kept[i], "head") == 0) {
			head_table(a, &tabs, &adjust_at);
		} else if (strcmp(kept[i], "glyf") == 0) {
			ok = sub ? kept_glyphs(a, off, &tabs) : used_glyphs(a, ttf, n, off, &tabs);
		} else if (strcmp(kept[i], "loca") == 0) {
			for (unsigned g = 0; g <= glyphs; g++) {
				if (a->header.index_to_loc_format == 0)
					put16(&tabs, off[g] & 0xFFFF);
				else
					put32(&tabs, off[g]);
			}
		} else if (strcmp(kept[i], "name") == 0) {
			ok = name_table(a, t, ttf, n, &tabs);
		} else if (strcmp(kept[i], "cmap") == 0) {
			/* a CIDFontType2's glyphs are found through the
			 * CIDToGIDMap: the cmap only has to be there */
			small_cmap(&tabs, in_memory.gid);
			for (size_t c = 0; sub && c < 95; c++) {
				unsigned char *q = (unsigned char *)tabs.buf + at[i] + 44 + 2 * c;

				set16(q, new_gid(a, get16(q)));
			}
		} else if (strcmp(kept[i], "post") == 0 && t->length >= 32) {
			/* its header alone: format 3, no glyph names (one shorter
			 * than a header is copied as it is, below) */
			ok = has(n, t->offset, 32);
			if (ok) {
				sb_add(&tabs, ttf + t->offset, 32);
				set32((unsigned char *)tabs.buf + at[i], 0x00030000);
			}
		} else if (sub && strcmp(kept[i], "hmtx") == 0) {
			/* a full metric for each glyph kept */
			for (unsigned g = 0; g < a->num_glyphs; g++) {
				if (kept_glyph(a, g)) {
					put16(&tabs, a->h_metric[g].advance_width);
					put16(&tabs, (uint16_t)a->h_metric[g].lsb);
				}
			}
		} else {
			unsigned char *copy;

			ok = has(n, t->offset, t->length);
			if (ok)
				sb_add(&tabs, ttf + t->offset, t->length);
			/* the counts of glyphs and metrics (their tables' sizes
			 * checked by renumbered), in the new numbers */
			copy = ok ? (unsigned char *)tabs.buf + at[i] : NULL;
			if (ok && sub && strcmp(kept[i], "hhea") == 0)
				set16(copy + 34, glyphs);
			else if (ok && sub && strcmp(kept[i], "maxp") == 0)
				set16(copy + 4, glyphs);
		}
		len[i] = tabs.len - at[i];
	}
	free(off);
	if (!ok) {
		sb_release(&tabs);
		/* libharu's own says what is wrong; with the glyphs renumbered in
		 * the CIDToGIDMap too, its font would not match: the pack fails */
		return sub ? (int)HPDF_INVALID_OBJECT : -1;
	}
	put32(&dir, a->offset_tbl.sfnt_version);
	put16(&dir, (uint32_t)ARRAY_LEN(kept));
	{
		/* the binary search's fields for 13 tables */
		uint32_t e = 0, nt = (uint32_t)ARRAY_LEN(kept);

		while ((2u << e) <= nt)
			e++;
		put16(&dir, 16u << e);
		put16(&dir, e);
		put16(&dir, nt * 16 - (16u << e));
	}
	for (size_t i = 0; i < ARRAY_LEN(kept); i++) {
		sb_add(&dir, kept[i], 4);
		put32(&dir, checksum((unsigned char *)tabs.buf + at[i], len[i]));
		put32(&dir, (uint32_t)(at[i] + 12 + 16 * ARRAY_LEN(kept)));
		put32(&dir, (uint32_t)len[i]);
	}
	/* libharu's sum leaves out a last word shorter than four bytes */
	for (size_t i = 0; i + 4 <= tabs.len; i += 4)
		adjust -= get32((unsigned char *)tabs.buf + i);
	set32((unsigned char *)tabs.buf + adjust_at, adjust);
	a->length1 = (HPDF_UINT)(tabs.len + 12 + 16 * ARRAY_LEN(kept));
	st = HPDF_Stream_Write(stream, (HPDF_BYTE *)dir.buf, (HPDF_UINT)dir.len);
	if (st == HPDF_OK)
		st = HPDF_Stream_Write(stream, (HPDF_BYTE *)tabs.buf, (HPDF_UINT)tabs.len);
	sb_release(&dir);
	sb_release(&tabs);
	return (int)st;
}

/* ---- the CIDToGIDMap, in the renumbered glyphs
 *
 * libharu makes each document's CIDToGIDMap from the font's cmap when the
 * font is first used, before any glyph is: 65,536 CIDs, each with its glyph
 * number in the font as installed. At the save it is written with each
 * glyph's new number (the glyphs renumbered, above), 0 for a glyph not
 * embedded; then deflated by libharu.
 */
static HPDF_Stream map_src; /* the map of the document being written */

void pdf_font_map(HPDF_Font font)
{
	HPDF_Array desc =
		font ? HPDF_Dict_GetItem(font, "DescendantFonts", HPDF_OCLASS_ARRAY) : NULL;
	HPDF_Dict cid = desc ? HPDF_Array_GetItem(desc, 0, HPDF_OCLASS_DICT) : NULL;
	HPDF_Dict map = cid ? HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT) : NULL;

	map_src = map ? map->stream : NULL;
	renum.decided = 0; /* a new document */
	renum.def = NULL;
}

/* The whole of a memory stream into out; false when it cannot be read. */
static bool stream_bytes(HPDF_Stream s, struct strbuf *out)
{
	HPDF_UINT n = s->size;
	bool ok;

	/* read straight into out's buffer */
	sb_reset(out);
	sb_reserve(out, n);
	ok = HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) == HPDF_OK &&
	     (!n || HPDF_Stream_Read(s, (HPDF_BYTE *)out->buf, &n) == HPDF_OK) && n == s->size;
	out->len = ok ? n : 0;
	out->buf[out->len] = '\0';
	return ok;
}

static int deflated(void *srcp, void *dstp, void *e,
		    unsigned long (*real)(void *src, void *dst, void *encrypt))
{
	HPDF_Stream src = srcp, dst = dstp, mem;
	struct strbuf in = STRBUF_INIT;
	HPDF_TTFontDefAttr a;
	HPDF_STATUS st;

	if (!src || src != map_src || !in_memory.def)
		return -1;
	map_src = NULL;
	/* the font's writer may have decided already; else this decides */
	if (!renumbered(in_memory.def))
		return -1;
	a = (HPDF_TTFontDefAttr)in_memory.def->attr;
	mem = src->type == HPDF_STREAM_MEMORY && !e ? HPDF_MemStream_New(src->mmgr, 4096) : NULL;
	if (!mem || !stream_bytes(src, &in)) {
		/* the font renumbered and its map not: the pack fails */
		if (mem)
			HPDF_Stream_Free(mem);
		sb_release(&in);
		return (int)HPDF_INVALID_OBJECT;
	}
	for (size_t i = 0; i + 1 < in.len; i += 2) {
		unsigned char *q = (unsigned char *)in.buf + i;

		set16(q, new_gid(a, get16(q)));
	}
	st = HPDF_Stream_Write(mem, (HPDF_BYTE *)in.buf, (HPDF_UINT)in.len);
	if (st == HPDF_OK)
		st = (HPDF_STATUS)real(mem, dst, NULL);
	HPDF_Stream_Free(mem);
	sb_release(&in);
	return (int)st;
}

static const struct interpose_pdf pdf_fns = {save_font, deflated};

void pdf_font_release(struct pdf_font *f)
{
	if (f->doc && f->doc_pid == getpid()) {
		pdf_font_unload(&f->doc_use);
		HPDF_Free(f->doc);
	}
	if (f->fd >= 0)
		close(f->fd);
	fs_unmap_file(f->ttf, f->ttf_len);
	free(f->gid);
	free(renum.gid);
	memset(&renum, 0, sizeof(renum));
	memset(f, 0, sizeof(*f));
	f->fd = -1;
}

/* ---- per document */

/* One segment over the BMP, whose glyphIdArray is the kept lookups; and the
 * mandatory last segment for U+FFFF. libharu reads glyph_id_array[off / 2 +
 * (u - start) - (segments - i)] for segment i: with off = 4, that is [u]. */
static HPDF_UINT16 one_end[2] = {0xFFFE, 0xFFFF}, one_start[2] = {0, 0xFFFF},
		   one_offset[2] = {4, 0};
static HPDF_INT16 one_delta[2] = {0, 1};

static const char *pdf_font_load(struct pdf_font *f, HPDF_Doc doc, struct pdf_font_use *u)
{
	const char *name;
	HPDF_TTFontDefAttr a;

	memset(u, 0, sizeof(*u));
	if (!f->fd_path[0])
		return HPDF_LoadTTFontFromFile(doc, f->path, HPDF_TRUE);
	name = HPDF_LoadTTFontFromFile(doc, f->fd_path, HPDF_TRUE);
	u->def = name ? HPDF_GetFontDef(doc, name) : NULL;
	if (!u->def)
		return NULL;
	a = (HPDF_TTFontDefAttr)((HPDF_FontDef)u->def)->attr;
	/* libharu reads each glyph it embeds through a FILE, a seek and a read
	 * system call apiece; the same bytes from memory need neither (its file
	 * stream closes whichever FILE it holds) */
	if (a->stream && a->stream->type == HPDF_STREAM_FILE) {
		FILE *m = fmemopen((void *)f->ttf, f->ttf_len, "rb");

		if (m) {
			fclose((FILE *)a->stream->attr);
			a->stream->attr = m;
			in_memory.def = u->def;
			in_memory.buf = f->ttf;
			in_memory.len = f->ttf_len;
			in_memory.gid = f->gid;
			interpose_pdf(&pdf_fns);
		}
	}
	u->saved = a->cmap;
	a->cmap.seg_count_x2 = 4;
	a->cmap.end_count = one_end;
	a->cmap.start_count = one_start;
	a->cmap.id_delta = one_delta;
	a->cmap.id_range_offset = one_offset;
	a->cmap.glyph_id_array = f->gid;
	a->cmap.glyph_id_array_count = 65535;
	u->swapped = true;
	if (!f->checked) {
		bool same = true;

		for (uint32_t c = 0; c < 65536 && same; c++)
			same = HPDF_TTFontDef_GetGlyphid(u->def, (HPDF_UINT16)c) == f->gid[c];
		f->checked = true;
		if (!same) {
			/* this libharu reads cmaps otherwise: its own use of the
			 * font from now on, its own embedding too (the whole cmap
			 * and post: bigger packs, still right) */
			pdf_font_unload(u);
			f->fd_path[0] = '\0';
			return name;
		}
	}
	return name;
}

static void pdf_font_unload(struct pdf_font_use *u)
{
	if (u->def && u->def == in_memory.def)
		memset(&in_memory, 0, sizeof(in_memory));
	if (u->swapped)
		((HPDF_TTFontDefAttr)((HPDF_FontDef)u->def)->attr)->cmap = u->saved;
	u->swapped = false;
}

/* What every document is set to, new or made new (HPDF_NewDoc keeps the
 * encoders but not the current one). */
static bool doc_ready(HPDF_Doc doc)
{
	return HPDF_SetCompressionMode(doc, HPDF_COMP_ALL) == HPDF_OK &&
	       HPDF_SetCurrentEncoder(doc, "UTF-8") == HPDF_OK;
}

HPDF_Doc pdf_font_doc(struct pdf_font *f, HPDF_Error_Handler on_error, void *user,
		      struct pdf_font_use *u)
{
	HPDF_Doc doc = f->doc;

	f->doc = NULL;
	if (doc && f->doc_pid == getpid()) {
		/* the kept one: the error handler is the new document's */
		*u = f->doc_use;
		doc->error.error_fn = on_error;
		doc->error.user_data = user;
		if (HPDF_NewDoc(doc) == HPDF_OK && doc_ready(doc))
			return doc;
		pdf_font_unload(u);
		HPDF_Free(doc);
	}
	/* (a parent's kept document, after a fork: left alone) */
	memset(u, 0, sizeof(*u));
	doc = HPDF_New(on_error, user);
	if (!doc)
		return NULL;
	HPDF_UseUTFEncodings(doc);
	doc_ready(doc); /* a failure shows in the error handler's record */
	u->name = pdf_font_load(f, doc, u);
	return doc;
}

void pdf_font_done(struct pdf_font *f, HPDF_Doc doc, struct pdf_font_use *u, bool failed)
{
	if (!doc)
		return;
	if (!failed && u->name && !f->doc) {
		/* its handler's document is gone: a quiet one until the next */
		doc->error.error_fn = quiet;
		doc->error.user_data = NULL;
		f->doc = doc;
		f->doc_pid = getpid();
		f->doc_use = *u;
	} else {
		pdf_font_unload(u);
		HPDF_Free(doc);
	}
	memset(u, 0, sizeof(*u));
}
