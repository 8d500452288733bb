/*
 * ttf.c - the PDF font: its file through fontconfig, its cmap through
 * FreeType, kept as a bit set so that a lookup costs nothing in the workers.
 */
#include "kaikaku.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include <strings.h>
#include <unistd.h>

#include "ttf.h"

#define MAX_CP 0x110000u

/* ---- the file, by family name */

/* Family names compared as fontconfig compares them: blanks and ASCII case
 * do not count ("IPAex Gothic" is "IPAexGothic"). */
static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool same_family(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (ascii_lower(*a) != ascii_lower(*b))
			return false;
	}
}

static bool has_family(FcPattern *font, const char *family)
{
	FcChar8 *name;

	for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; i++)
		if (same_family((const char *)name, family))
			return true;
	return false;
}

/* What libharu can embed: a TrueType file, the font alone in it. */
static bool embeddable(FcPattern *font, const char **file)
{
	FcChar8 *format, *path;
	int index;
	size_t n;

	if (FcPatternGetString(font, FC_FILE, 0, &path) != FcResultMatch ||
	    FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
	    FcPatternGetInteger(font, FC_INDEX, 0, &index) != FcResultMatch)
		return false;
	*file = (const char *)path;
	n = strlen(*file);
	return strcmp((const char *)format, "TrueType") == 0 && index == 0 && n > 4 &&
	       strcasecmp(*file + n - 4, ".ttf") == 0;
}

char *ttf_find_family(const char *family, bool *other_format)
{
	FcPattern *want;
	FcFontSet *fonts;
	FcResult res;
	char *found = NULL;

	*other_format = false;
	if (!FcInit())
		return NULL;
	want = FcPatternCreate();
	if (!want)
		xoom(sizeof(void *));
	FcPatternAddString(want, FC_FAMILY, (const FcChar8 *)family);
	FcConfigSubstitute(NULL, want, FcMatchPattern);
	FcDefaultSubstitute(want);
	/* fontconfig sorts every installed font by how well it matches: the
	 * family's own files first (the regular style before the others), then
	 * the substitutes it would offer. The first embeddable file of the
	 * family itself is the one. */
	fonts = FcFontSort(NULL, want, FcFalse, NULL, &res);
	for (int i = 0; fonts && i < fonts->nfont && !found; i++) {
		const char *file;

		if (!has_family(fonts->fonts[i], family))
			continue;
		if (!embeddable(fonts->fonts[i], &file)) {
			*other_format = true;
			continue;
		}
		/* the file itself, not a link to it (Debian's alternatives) */
		found = realpath(file, NULL);
		if (!found)
			found = xstrdup(file);
	}
	if (fonts)
		FcFontSetDestroy(fonts);
	FcPatternDestroy(want);
	FcFini();
	return found;
}

static void missing(struct strbuf *err, const char *font, const char *package)
{
	sb_addf(err,
		"PDF のフォント %s がありません（sudo apt-get install %s "
		"でインストールしてください）",
		font, package);
}

bool ttf_load_font(struct review_template *t, struct ttf_coverage *cov, struct strbuf *err)
{
	if (!t->font_path) {
		bool other;

		t->font_path = ttf_find_family(t->font_family, &other);
		if (!t->font_path) {
			if (other)
				sb_addf(err,
					"PDF のフォント %s には "
					"TrueType（.ttf）のファイルがありません（libharu は "
					"CFF/OTF も TrueType Collection も埋め込めません）",
					t->font_family);
			else
				missing(err, t->font_family, t->font_package);
			return false;
		}
	} else if (access(t->font_path, R_OK) != 0) {
		missing(err, t->font_path, t->font_package);
		return false;
	}
	return ttf_coverage_load(t->font_path, cov, err);
}

/* ---- its coverage */

bool ttf_has(const struct ttf_coverage *c, uint32_t cp)
{
	return c->bits && cp < MAX_CP && (c->bits[cp >> 3] & (1u << (cp & 7)));
}

/* The face's checks, then every code point its Unicode cmap maps to a glyph. */
static bool coverage(FT_Face face, struct ttf_coverage *out, struct strbuf *err)
{
	unsigned char tag[4];
	FT_ULong len = sizeof(tag), glyf = 0, cp;
	FT_UInt glyph;

	/* the file's first four bytes (tag 0: the whole file) */
	if (!FT_IS_SFNT(face) || FT_Load_Sfnt_Table(face, 0, 0, tag, &len) != 0) {
		sb_adds(err, "TrueType のフォントではありません");
		return false;
	}
	if (memcmp(tag, "OTTO", 4) == 0) {
		sb_adds(err, "CFF（OpenType/OTF）のフォントです。libharu は "
			     "TrueType（glyf）のフォントしか埋め込めません");
		return false;
	}
	if (memcmp(tag, "ttcf", 4) == 0 || face->num_faces > 1) {
		sb_adds(err, "TrueType Collection（.ttc）です。libharu "
			     "は1つのフォントだけのファイルしか使えません");
		return false;
	}
	if (FT_Load_Sfnt_Table(face, TTAG_glyf, 0, NULL, &glyf) != 0 || glyf == 0) {
		sb_adds(err, "フォントに TrueType のアウトライン（glyf）がありません");
		return false;
	}
	/* FreeType has chosen the richest Unicode cmap (format 12 over 4) */
	if (!face->charmap || face->charmap->encoding != FT_ENCODING_UNICODE) {
		sb_adds(err, "フォントに Unicode の cmap（文字とグリフの対応表）がありません");
		return false;
	}
	out->bits = xcalloc(MAX_CP / 8, 1);
	for (cp = FT_Get_First_Char(face, &glyph); glyph; cp = FT_Get_Next_Char(face, cp, &glyph))
		if (cp < MAX_CP)
			out->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
	return true;
}

/* The face of the font at path, or else in data[0..n), then its coverage. */
static bool with_face(const unsigned char *data, size_t n, const char *path,
		      struct ttf_coverage *out, struct strbuf *err)
{
	FT_Library lib;
	FT_Face face;
	FT_Error e;
	bool ok;

	memset(out, 0, sizeof(*out));
	if (FT_Init_FreeType(&lib) != 0) {
		sb_adds(err, "FreeType を初期化できません");
		return false;
	}
	e = path ? FT_New_Face(lib, path, 0, &face)
		 : FT_New_Memory_Face(lib, data, (FT_Long)n, 0, &face);
	if (e == FT_Err_Cannot_Open_Resource) {
		sb_adds(err, "フォントのファイルを開けません");
		ok = false;
	} else if (e != 0) {
		sb_adds(err,
			"TrueType "
			"のフォントとして読めません（フォントのファイルではないか、壊れています）");
		ok = false;
	} else {
		ok = coverage(face, out, err);
		FT_Done_Face(face);
	}
	FT_Done_FreeType(lib);
	return ok;
}

bool ttf_coverage_parse(const unsigned char *data, size_t n, struct ttf_coverage *out,
			struct strbuf *err)
{
	return with_face(data, n, NULL, out, err);
}

bool ttf_coverage_load(const char *path, struct ttf_coverage *out, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT;
	bool ok = with_face(NULL, 0, path, out, &why);

	if (!ok)
		sb_addf(err, "%s: %s", path, sb_str(&why));
	sb_release(&why);
	return ok;
}

void ttf_coverage_release(struct ttf_coverage *c)
{
	free(c->bits);
	c->bits = NULL;
}
