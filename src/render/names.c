/*
 * names.c - safe and distinct file names from data.
 */
#include "kaikaku.h"

#include "names.h"
#include "utf8.h"

/* Invisible characters that only reorder or join text: bidirectional
 * controls (U+202E shows "xslx.exe" as "exe.xlsx"), zero-width spaces and
 * joiners, the BOM, the soft hyphen. Dropped from file names. */
static bool invisible(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* Lower case as a case-insensitive file system compares names (NTFS, SMB
 * shares: ΣΑ部 and σα部 are one name): Unicode's simple mapping for the
 * scripts names are written in (Latin, Greek, Cyrillic, Armenian, full-width
 * Latin, Roman numerals, circled letters). A table, not the C library: glibc's
 * C locale maps ASCII only, and kaikaku never calls setlocale. */
static uint32_t fold_case(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
		int32_t delta; /* 0: pairs, each upper case letter followed by its lower */
	} map[] = {
		{0x00C0, 0x00D6, 32},   {0x00D8, 0x00DE, 32}, {0x0100, 0x012F, 0},
		{0x0132, 0x0137, 0},    {0x0139, 0x0148, 0},  {0x014A, 0x0177, 0},
		{0x0178, 0x0178, -121}, {0x0179, 0x017E, 0},  {0x0386, 0x0386, 38},
		{0x0388, 0x038A, 37},   {0x038C, 0x038C, 64}, {0x038E, 0x038F, 63},
		{0x0391, 0x03A1, 32},   {0x03A3, 0x03AB, 32}, {0x03C2, 0x03C2, 1},
		{0x0400, 0x040F, 80},   {0x0410, 0x042F, 32}, {0x0460, 0x0481, 0},
		{0x048A, 0x04BF, 0},    {0x0531, 0x0556, 48}, {0x1E00, 0x1E95, 0},
		{0x1EA0, 0x1EFF, 0},    {0x2160, 0x216F, 16}, {0x24B6, 0x24CF, 26},
		{0xFF21, 0xFF3A, 32},
	};

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp;
	for (size_t i = 0; i < ARRAY_LEN(map); i++) {
		if (cp < map[i].lo || cp > map[i].hi)
			continue;
		if (map[i].delta)
			return (uint32_t)((int32_t)cp + map[i].delta);
		return (cp - map[i].lo) % 2 == 0 ? cp + 1 : cp;
	}
	return cp;
}

void name_set_init(struct name_set *ns)
{
	memset(ns, 0, sizeof(*ns));
	hmap_init(&ns->used);
}

void name_set_release(struct name_set *ns)
{
	for (size_t i = 0; i < ns->nowned; i++)
		free(ns->owned[i]);
	free(ns->owned);
	hmap_release(&ns->used);
	memset(ns, 0, sizeof(*ns));
}

void name_clean(const char *in, size_t max_bytes, struct strbuf *out)
{
	const unsigned char *u = (const unsigned char *)in;
	size_t n = strlen(in), i = 0, start = out->len;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);
		char buf[4];
		size_t len;

		if (!k) { /* not UTF-8: never in our data, but never pass it on */
			cp = '_';
			k = 1;
		}
		if (invisible(cp)) {
			i += k;
			continue;
		}
		if (cp < 0x20 || text_xml_forbidden(cp) || cp == 0x7F ||
		    (cp < 0x80 && strchr("/\\:*?\"<>|", (int)cp)) || (cp >= 0x80 && cp < 0xA0) ||
		    cp == 0x2028 || cp == 0x2029)
			cp = '_';
		else if (cp == 0x3000)
			cp = ' ';
		len = utf8_encode(cp, buf);
		if (out->len - start + len > max_bytes)
			break; /* cut at a character boundary */
		sb_add(out, buf, len);
		i += k;
	}
	/* no leading dot or space, no trailing dot or space (Windows drops them) */
	{
		size_t b = start;

		while (b < out->len && (out->buf[b] == '.' || out->buf[b] == ' '))
			out->buf[b++] = '_';
		while (out->len > start &&
		       (out->buf[out->len - 1] == '.' || out->buf[out->len - 1] == ' '))
			out->buf[--out->len] = '\0';
	}
	if (out->len == start)
		sb_addc(out, '_');
}

/* The key under which two names are alike: equal once case is ignored the
 * way a case-insensitive file system ignores it (any script, not only ASCII). */
static void alike_key(const char *name, struct strbuf *key)
{
	const unsigned char *u = (const unsigned char *)name;
	size_t n = strlen(name), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);
		char buf[4];

		if (!k) {
			sb_addc(key, (char)u[i++]);
			continue;
		}
		sb_add(key, buf, utf8_encode(fold_case(cp), buf));
		i += k;
	}
}

void name_make(struct name_set *ns, const char *base, const char *ext, struct strbuf *out)
{
	name_make_tail(ns, base, "", ext, out);
}

void name_make_tail(struct name_set *ns, const char *base, const char *tail, const char *ext,
		    struct strbuf *out)
{
	struct strbuf safe_tail = STRBUF_INIT;
	size_t keep, room;

	if (*tail)
		name_clean(tail, NAME_MAX_BYTES / 2, &safe_tail);
	keep = safe_tail.len + strlen(ext);
	room = NAME_MAX_BYTES > keep + 8 ? NAME_MAX_BYTES - keep : 8;
	for (unsigned n = 1;; n++) {
		struct strbuf cand = STRBUF_INIT, key = STRBUF_INIT;
		char suffix[16] = "";

		if (n > 1)
			snprintf(suffix, sizeof(suffix), "_%u", n);
		/* the base is cut, never the tail (_2026Q3) or the extension */
		name_clean(base, room - strlen(suffix), &cand);
		sb_add(&cand, safe_tail.buf ? safe_tail.buf : "", safe_tail.len);
		sb_adds(&cand, suffix);
		sb_adds(&cand, ext);
		alike_key(sb_str(&cand), &key);
		if (!hmap_has(&ns->used, sb_str(&key))) {
			char *k = sb_detach(&key);

			xgrow((void **)&ns->owned, &ns->cap, ns->nowned + 1, sizeof(*ns->owned));
			ns->owned[ns->nowned++] = k;
			hmap_put(&ns->used, k, k);
			sb_add(out, cand.buf, cand.len);
			sb_release(&cand);
			sb_release(&safe_tail);
			return;
		}
		sb_release(&cand);
		sb_release(&key);
	}
}

char *name_path(struct name_set *ns, const char *dir, const char *base, const char *code,
		const char *ext)
{
	struct strbuf path = STRBUF_INIT, tail = STRBUF_INIT;

	sb_addf(&path, "%s/", dir);
	sb_addf(&tail, "_%s", code);
	name_make_tail(ns, base, sb_str(&tail), ext, &path);
	sb_release(&tail);
	return sb_detach(&path);
}
