/*
 * ttf.c - the cmap of a TrueType font, bounds-checked at every read.
 */
#include "kaikaku.h"

#include "fs.h"
#include "ttf.h"

#define MAX_CP 0x110000u

struct buf {
	const unsigned char *d;
	size_t n;
};

static bool u16(const struct buf *b, size_t off, uint32_t *v)
{
	if (off > b->n || b->n - off < 2)
		return false;
	*v = (uint32_t)b->d[off] << 8 | b->d[off + 1];
	return true;
}

static bool u32(const struct buf *b, size_t off, uint32_t *v)
{
	if (off > b->n || b->n - off < 4)
		return false;
	*v = (uint32_t)b->d[off] << 24 | (uint32_t)b->d[off + 1] << 16 |
	     (uint32_t)b->d[off + 2] << 8 | b->d[off + 3];
	return true;
}

static void set(struct ttf_coverage *c, uint32_t cp)
{
	if (cp < MAX_CP)
		c->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

bool ttf_has(const struct ttf_coverage *c, uint32_t cp)
{
	return c->bits && cp < MAX_CP && (c->bits[cp >> 3] & (1u << (cp & 7)));
}

static bool format4(const struct buf *b, size_t at, struct ttf_coverage *c)
{
	uint32_t segx2, seg;

	if (!u16(b, at + 6, &segx2) || segx2 == 0 || segx2 % 2)
		return false;
	seg = segx2 / 2;
	for (uint32_t i = 0; i < seg; i++) {
		uint32_t end, start, delta, ro;
		size_t end_at = at + 14 + 2 * i, start_at = at + 16 + segx2 + 2 * i;
		size_t delta_at = start_at + segx2, ro_at = delta_at + segx2;

		if (!u16(b, end_at, &end) || !u16(b, start_at, &start) ||
		    !u16(b, delta_at, &delta) || !u16(b, ro_at, &ro))
			return false;
		if (start > end || start == 0xFFFF)
			continue;
		for (uint32_t cp = start; cp <= end; cp++) {
			uint32_t g;

			if (ro == 0) {
				g = (cp + delta) & 0xFFFF;
			} else {
				size_t ga = ro_at + ro + 2 * (cp - start);

				if (!u16(b, ga, &g))
					break;
				if (g)
					g = (g + delta) & 0xFFFF;
			}
			if (g)
				set(c, cp);
		}
	}
	return true;
}

static bool format12(const struct buf *b, size_t at, struct ttf_coverage *c)
{
	uint32_t groups;

	if (!u32(b, at + 12, &groups))
		return false;
	for (uint32_t i = 0; i < groups; i++) {
		uint32_t start, end, glyph;
		size_t g = at + 16 + 12 * (size_t)i;

		if (!u32(b, g, &start) || !u32(b, g + 4, &end) || !u32(b, g + 8, &glyph))
			return false;
		if (start > end || end >= MAX_CP)
			continue;
		for (uint32_t cp = start; cp <= end; cp++)
			if (glyph + (cp - start) != 0)
				set(c, cp);
	}
	return true;
}

bool ttf_coverage_parse(const unsigned char *data, size_t n, struct ttf_coverage *out,
			struct strbuf *err)
{
	struct buf b = {data, n};
	uint32_t version, ntables, cmap = 0, nsub, best_at = 0, best_fmt = 0;
	bool glyf = false;

	memset(out, 0, sizeof(*out));
	if (!u32(&b, 0, &version) || !u16(&b, 4, &ntables)) {
		sb_adds(err, "フォントファイルが短すぎます");
		return false;
	}
	if (version == 0x4F54544F) { /* "OTTO": CFF outlines */
		sb_adds(err, "CFF（OpenType/OTF）のフォントです。libharu は TrueType（glyf）のフォントしか埋め込めません");
		return false;
	}
	if (version != 0x00010000 && version != 0x74727565) {
		sb_adds(err, "TrueType のフォントではありません（TrueType Collection も使えません）");
		return false;
	}
	for (uint32_t i = 0; i < ntables; i++) {
		uint32_t tag, off;

		if (!u32(&b, 12 + 16 * (size_t)i, &tag) ||
		    !u32(&b, 12 + 16 * (size_t)i + 8, &off)) {
			sb_adds(err, "フォントの表の一覧が壊れています");
			return false;
		}
		if (tag == 0x636D6170) /* cmap */
			cmap = off;
		if (tag == 0x676C7966) /* glyf */
			glyf = true;
	}
	if (!cmap || !u16(&b, cmap + 2, &nsub)) {
		sb_adds(err, "フォントに cmap（文字とグリフの対応表）がありません");
		return false;
	}
	/* the richest Unicode subtable: format 12, else format 4 */
	for (uint32_t i = 0; i < nsub; i++) {
		uint32_t plat, enc, off, fmt;

		if (!u16(&b, cmap + 4 + 8 * (size_t)i, &plat) ||
		    !u16(&b, cmap + 6 + 8 * (size_t)i, &enc) ||
		    !u32(&b, cmap + 8 + 8 * (size_t)i, &off) || !u16(&b, cmap + off, &fmt))
			break;
		if (!(plat == 0 || (plat == 3 && (enc == 1 || enc == 10))))
			continue;
		if ((fmt == 12 && best_fmt != 12) || (fmt == 4 && best_fmt == 0)) {
			best_fmt = fmt;
			best_at = cmap + off;
		}
	}
	if (!best_fmt) {
		sb_adds(err, "フォントに Unicode の cmap がありません");
		return false;
	}
	out->bits = xcalloc(MAX_CP / 8, 1);
	out->truetype = glyf;
	if (!(best_fmt == 12 ? format12(&b, best_at, out) : format4(&b, best_at, out))) {
		ttf_coverage_release(out);
		sb_adds(err, "フォントの cmap が壊れています");
		return false;
	}
	if (!glyf) {
		ttf_coverage_release(out);
		sb_adds(err, "フォントに TrueType のアウトライン（glyf）がありません");
		return false;
	}
	return true;
}

bool ttf_coverage_load(const char *path, struct ttf_coverage *out, struct strbuf *err)
{
	struct strbuf data = STRBUF_INIT, why = STRBUF_INIT;
	bool ok;

	if (!fs_read_file(path, &data, err)) {
		sb_release(&data);
		return false;
	}
	ok = ttf_coverage_parse((const unsigned char *)sb_str(&data), data.len, out, &why);
	if (!ok)
		sb_addf(err, "%s: %s", path, sb_str(&why));
	sb_release(&data);
	sb_release(&why);
	return ok;
}

void ttf_coverage_release(struct ttf_coverage *c)
{
	free(c->bits);
	c->bits = NULL;
}
