/*
 * hashmap.h - string-keyed hash table (open addressing, linear probing).
 * Keys are not copied: they must outlive the map (they live in an arena).
 * Lookups are O(1) on average; IDs are never looked up by scanning.
 */
#ifndef KK_HASHMAP_H
#define KK_HASHMAP_H

#include "kaikaku.h"

struct hmap_slot {
	const char *key;
	void *value;
	uint64_t hash;
};

struct hmap {
	struct hmap_slot *slots;
	size_t cap; /* a power of two, or 0 */
	size_t len;
};

void hmap_init(struct hmap *m);
void hmap_release(struct hmap *m);
/* The value stored under key, or NULL. */
void *hmap_get(const struct hmap *m, const char *key);
bool hmap_has(const struct hmap *m, const char *key);
/* Stores value under key, replacing (and returning) any earlier value. */
void *hmap_put(struct hmap *m, const char *key, void *value);
uint64_t hmap_hash(const char *key);

#endif
