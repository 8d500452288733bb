/*
 * names.c - safe and distinct file names from data.
 */
#include "kaikaku.h"

#include "names.h"
#include "utf8.h"

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
		if (cp < 0x20 || cp == 0x7F || (cp < 0x80 && strchr("/\\:*?\"<>|", (int)cp)) ||
		    (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
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

void name_make(struct name_set *ns, const char *base, const char *ext, struct strbuf *out)
{
	size_t room = NAME_MAX_BYTES > strlen(ext) + 8 ? NAME_MAX_BYTES - strlen(ext) : 8;

	for (unsigned n = 1;; n++) {
		struct strbuf cand = STRBUF_INIT, key = STRBUF_INIT;
		char suffix[16] = "";

		if (n > 1)
			snprintf(suffix, sizeof(suffix), "_%u", n);
		name_clean(base, room - strlen(suffix), &cand);
		sb_adds(&cand, suffix);
		sb_adds(&cand, ext);
		/* alike: equal once ASCII case is ignored */
		for (const char *p = sb_str(&cand); *p; p++)
			sb_addc(&key, (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p);
		if (!hmap_has(&ns->used, sb_str(&key))) {
			char *k = sb_detach(&key);

			xgrow((void **)&ns->owned, &ns->cap, ns->nowned + 1, sizeof(*ns->owned));
			ns->owned[ns->nowned++] = k;
			hmap_put(&ns->used, k, k);
			sb_add(out, cand.buf, cand.len);
			sb_release(&cand);
			return;
		}
		sb_release(&cand);
		sb_release(&key);
	}
}
