/*
 * zip_read.c - minizip over a memory buffer, with decompression limits.
 */
#include "kaikaku.h"

#include <unzip.h>

#include "hashmap.h"
#include "strbuf.h"
#include "zip_read.h"

#define ZIP_MAX_ENTRIES 20000

struct mem {
	const unsigned char *data;
	size_t n;
	size_t pos;
};

struct entry {
	char *key;
	unz64_file_pos pos;
};

struct zip_archive {
	struct mem mem;
	unzFile uf;
	struct hmap index; /* folded name -> struct entry */
	struct entry *entries;
	size_t nentries, cap_entries;
	uint64_t part_limit, total_limit, total;
	bool streaming; /* one entry open at a time */
};

struct zip_stream {
	struct zip_archive *z;
	uint64_t read;
	enum zip_status st;
	bool eof;
};

/* ---- minizip I/O on memory */

static voidpf mem_open(voidpf opaque, const void *filename, int mode)
{
	(void)filename;
	(void)mode;
	return opaque;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct mem *m = stream;
	size_t left = m->n - m->pos;
	size_t k = size < left ? size : left;

	(void)opaque;
	memcpy(buf, m->data + m->pos, k);
	m->pos += k;
	return (uLong)k;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque;
	(void)stream;
	(void)buf;
	(void)size;
	return 0;
}

static ZPOS64_T mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct mem *)stream)->pos;
}

static long mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	struct mem *m = stream;
	ZPOS64_T base;

	(void)opaque;
	switch (origin) {
	case ZLIB_FILEFUNC_SEEK_SET:
		base = 0;
		break;
	case ZLIB_FILEFUNC_SEEK_CUR:
		base = m->pos;
		break;
	case ZLIB_FILEFUNC_SEEK_END:
		base = m->n;
		break;
	default:
		return -1;
	}
	if (offset > m->n - base)
		return -1;
	m->pos = (size_t)(base + offset);
	return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

/* "xl\Worksheets\Sheet1.xml" and "/xl/worksheets/sheet1.xml" are one name */
static char *fold_name(const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	while (*name == '/' || *name == '\\')
		name++;
	for (; *name; name++) {
		char c = *name == '\\' ? '/' : *name;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		sb_addc(&sb, c);
	}
	return sb_detach(&sb);
}

struct zip_archive *zip_open_memory(const unsigned char *data, size_t n, uint64_t part_limit,
				    uint64_t total_limit, enum zip_status *st)
{
	struct zip_archive *z = xcalloc(1, sizeof(*z));
	zlib_filefunc64_def ff = {mem_open, mem_read,  mem_write, mem_tell,
				  mem_seek, mem_close, mem_error, NULL};
	int r;

	z->mem.data = data;
	z->mem.n = n;
	z->part_limit = part_limit;
	z->total_limit = total_limit;
	hmap_init(&z->index);
	ff.opaque = &z->mem;
	z->uf = unzOpen2_64("memory", &ff);
	if (!z->uf) {
		*st = ZIP_BROKEN;
		goto fail;
	}
	for (r = unzGoToFirstFile(z->uf); r == UNZ_OK; r = unzGoToNextFile(z->uf)) {
		char name[1024];
		unz_file_info64 info;
		struct entry *e;

		if (z->nentries >= ZIP_MAX_ENTRIES) {
			*st = ZIP_TOO_LARGE;
			goto fail;
		}
		if (unzGetCurrentFileInfo64(z->uf, &info, name, sizeof(name), NULL, 0, NULL, 0) !=
		    UNZ_OK) {
			*st = ZIP_BROKEN;
			goto fail;
		}
		name[sizeof(name) - 1] = '\0';
		xgrow((void **)&z->entries, &z->cap_entries, z->nentries + 1, sizeof(*z->entries));
		e = &z->entries[z->nentries++];
		e->key = fold_name(name);
		if (unzGetFilePos64(z->uf, &e->pos) != UNZ_OK) {
			*st = ZIP_BROKEN;
			goto fail;
		}
	}
	if (r != UNZ_END_OF_LIST_OF_FILE) {
		*st = ZIP_BROKEN;
		goto fail;
	}
	/* entries move while the array grows: index them once it is complete.
	 * Two entries with one name are refused: one reader would see the first,
	 * another the last (a way to smuggle content past a check). */
	for (size_t i = 0; i < z->nentries; i++) {
		if (hmap_has(&z->index, z->entries[i].key)) {
			*st = ZIP_DUPLICATE;
			goto fail;
		}
		hmap_put(&z->index, z->entries[i].key, &z->entries[i]);
	}
	*st = ZIP_OK;
	return z;
fail:
	zip_close(z);
	return NULL;
}

void zip_close(struct zip_archive *z)
{
	if (!z)
		return;
	if (z->uf)
		unzClose(z->uf);
	for (size_t i = 0; i < z->nentries; i++)
		free(z->entries[i].key);
	free(z->entries);
	hmap_release(&z->index);
	free(z);
}

static struct entry *find(struct zip_archive *z, const char *name)
{
	char *key = fold_name(name);
	struct entry *e = hmap_get(&z->index, key);

	free(key);
	return e;
}

bool zip_has(struct zip_archive *z, const char *name)
{
	return find(z, name) != NULL;
}

struct zip_stream *zip_stream_open(struct zip_archive *z, const char *name, enum zip_status *st)
{
	struct entry *e = find(z, name);
	unz_file_info64 info;
	struct zip_stream *s;

	if (!e) {
		*st = ZIP_MISSING;
		return NULL;
	}
	if (z->streaming) {
		*st = ZIP_BROKEN;
		return NULL;
	}
	if (unzGoToFilePos64(z->uf, &e->pos) != UNZ_OK ||
	    unzGetCurrentFileInfo64(z->uf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK) {
		*st = ZIP_BROKEN;
		return NULL;
	}
	if (info.flag & 1) {
		*st = ZIP_ENCRYPTED;
		return NULL;
	}
	if (info.compression_method != 0 && info.compression_method != Z_DEFLATED) {
		*st = ZIP_BROKEN;
		return NULL;
	}
	/* an honest bomb says so in its directory: refused before inflating it
	 * (one that lies is stopped by the counts below, or by minizip at the
	 * size it claims, and then by its CRC) */
	if (info.uncompressed_size > z->part_limit ||
	    info.uncompressed_size >
		    z->total_limit - (z->total < z->total_limit ? z->total : z->total_limit)) {
		*st = ZIP_TOO_LARGE;
		return NULL;
	}
	if (unzOpenCurrentFile(z->uf) != UNZ_OK) {
		*st = ZIP_BROKEN;
		return NULL;
	}
	z->streaming = true;
	s = xcalloc(1, sizeof(*s));
	s->z = z;
	s->st = ZIP_OK;
	*st = ZIP_OK;
	return s;
}

int zip_stream_read(struct zip_stream *s, char *buf, int n)
{
	int k;

	if (s->st != ZIP_OK)
		return -1;
	if (s->eof || n <= 0)
		return 0;
	k = unzReadCurrentFile(s->z->uf, buf, (unsigned)n);
	if (k < 0) {
		s->st = ZIP_BROKEN;
		return -1;
	}
	if (k == 0) {
		s->eof = true;
		return 0;
	}
	s->read += (uint64_t)k;
	s->z->total += (uint64_t)k;
	if (s->read > s->z->part_limit || s->z->total > s->z->total_limit) {
		s->st = ZIP_TOO_LARGE;
		return -1;
	}
	return k;
}

enum zip_status zip_stream_close(struct zip_stream *s)
{
	enum zip_status st;
	int r;

	if (!s)
		return ZIP_BROKEN;
	r = unzCloseCurrentFile(s->z->uf);
	st = s->st;
	if (st == ZIP_OK && s->eof && r == UNZ_CRCERROR)
		st = ZIP_CRC;
	else if (st == ZIP_OK && s->eof && r != UNZ_OK)
		st = ZIP_BROKEN;
	s->z->streaming = false;
	free(s);
	return st;
}

uint64_t zip_total_read(const struct zip_archive *z)
{
	return z->total;
}

const char *zip_status_text(enum zip_status st)
{
	switch (st) {
	case ZIP_OK:
		return "正常";
	case ZIP_BROKEN:
		return "zip の構造が壊れています";
	case ZIP_CRC:
		return "データが壊れています（CRC が一致しません）";
	case ZIP_TOO_LARGE:
		return "展開後のサイズが上限を超えます";
	case ZIP_ENCRYPTED:
		return "zip のパスワードで暗号化されています";
	case ZIP_MISSING:
		return "必要な部品がありません";
	case ZIP_DUPLICATE:
		return "同じ名前の部品が2つ以上あります";
	}
	return "?";
}
