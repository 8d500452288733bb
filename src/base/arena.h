/*
 * arena.h - bump allocator: many small allocations freed together.
 * Parsed data of a run lives in arenas; nothing in an arena is freed alone.
 */
#ifndef KK_ARENA_H
#define KK_ARENA_H

#include "kaikaku.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;  /* bytes used in head */
	size_t total; /* bytes allocated in all blocks, for limits and tests */
};

void arena_init(struct arena *a);
/* Frees every block; the arena is then empty and can be reused. */
void arena_release(struct arena *a);
/* Never returns NULL; the memory is aligned for any type and not zeroed. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Moves every block of from into into (what was allocated in from stays where
 * it is, now into's); from is then empty. */
void arena_adopt(struct arena *into, struct arena *from);

#endif
