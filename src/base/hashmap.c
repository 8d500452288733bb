/*
 * hashmap.c - string-keyed open-addressing hash table.
 */
#include "kaikaku.h"

#include "hashmap.h"

uint64_t hmap_hash(const char *key)
{
	/* FNV-1a, 64-bit */
	uint64_t h = 1469598103934665603ULL;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	return h;
}

void hmap_init(struct hmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->len = 0;
}

void hmap_release(struct hmap *m)
{
	free(m->slots);
	hmap_init(m);
}

static struct hmap_slot *hmap_find(const struct hmap *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct hmap_slot *s = &m->slots[i];

		if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
			return s;
	}
}

static void hmap_resize(struct hmap *m, size_t ncap)
{
	struct hmap old = *m;

	m->slots = xcalloc(ncap, sizeof(*m->slots));
	m->cap = ncap;
	m->len = 0;
	for (size_t i = 0; i < old.cap; i++) {
		if (old.slots[i].key) {
			struct hmap_slot *s = hmap_find(m, old.slots[i].key, old.slots[i].hash);

			*s = old.slots[i];
			m->len++;
		}
	}
	free(old.slots);
}

void *hmap_get(const struct hmap *m, const char *key)
{
	struct hmap_slot *s;

	if (!m->cap)
		return NULL;
	s = hmap_find(m, key, hmap_hash(key));
	return s->key ? s->value : NULL;
}

bool hmap_has(const struct hmap *m, const char *key)
{
	return m->cap && hmap_find(m, key, hmap_hash(key))->key != NULL;
}

void *hmap_put(struct hmap *m, const char *key, void *value)
{
	uint64_t h = hmap_hash(key);
	struct hmap_slot *s;
	void *old;

	if ((m->len + 1) * 4 > m->cap * 3)
		hmap_resize(m, m->cap ? m->cap * 2 : 16);
	s = hmap_find(m, key, h);
	if (!s->key) {
		s->key = key;
		s->hash = h;
		s->value = value;
		m->len++;
		return NULL;
	}
	old = s->value;
	s->value = value;
	return old;
}
