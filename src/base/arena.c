/*
 * arena.c - bump allocator in growing blocks.
 */
#include "kaikaku.h"

#include <stdarg.h>

#include "arena.h"

#define ARENA_BLOCK 65536
#define ARENA_ALIGN 16

struct arena_block {
	struct arena_block *next;
	size_t size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	arena_init(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < n)
		xoom(n);
	if (!a->head || a->head->size - a->used < need) {
		size_t size = need > ARENA_BLOCK / 4 ? need : ARENA_BLOCK;
		struct arena_block *b;

		if (size > SIZE_MAX - sizeof(*b))
			xoom(n);
		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		if (size == need && a->head) {
			/* A big allocation gets a block of its own behind the current one,
			 * so the free space left in the current block is not wasted. */
			b->next = a->head->next;
			a->head->next = b;
			a->total += size;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
		a->total += size;
	}
	p = a->head->data + a->used;
	a->used += need;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_adopt(struct arena *into, struct arena *from)
{
	struct arena_block *last = from->head;

	if (!last)
		return;
	while (last->next)
		last = last->next;
	if (into->head) {
		/* behind into's current block, which goes on serving allocations */
		last->next = into->head->next;
		into->head->next = from->head;
	} else {
		into->head = from->head;
		into->used = from->used;
	}
	into->total += from->total;
	arena_init(from);
}
