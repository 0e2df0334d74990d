/*
 * hmap.h — the engine's one hash table: a set of 64-bit keys (SimSet) and a map from 64-bit
 * keys to 32-bit values (SimMap), both open addressing with linear probing, a power-of-two
 * capacity and at most half full.
 *
 * One rule for an empty slot: its key is 0. Every key is stored with its lowest bit set
 * (key | 1), so 0 never names a key — and two keys that differ only in that bit are the same
 * key. Keys are meant to be hashes: a table of strings keeps its strings itself, maps each
 * string's hash to its index, and compares the strings of every value stored under a hash
 * (SimMap holds several values under one key; sim_map_next walks them in the order they
 * were added). Nothing is ever removed. Grows by doubling, by four past 65,536 slots (fewer
 * rehashes and fresh pages for the explorer's big sets), and refuses past 2^29 slots.
 * The fast paths are inline: the explorer adds tens of millions of keys.
 * Depends on: nothing.
 */
#ifndef SIM_HMAP_H
#define SIM_HMAP_H

#include <stddef.h>
#include <stdint.h>

/* A set of keys. Zero-initialised is empty; free with sim_set_free. */
typedef struct SimSet {
    uint64_t *keys; /* owned; cap slots, 0 = empty */
    uint32_t cap, count;
} SimSet;

/* A map from keys to values; a key may hold several values. Zero-initialised is empty; free
 * with sim_map_free. */
typedef struct SimMap {
    uint64_t *keys; /* owned; cap slots, 0 = empty */
    uint32_t *vals; /* owned; the value of each slot */
    uint32_t cap, count;
} SimMap;

#define SIM_HMAP_MAX_SLOTS (1u << 29)
/* The cursor of a first sim_map_next call. */
#define SIM_MAP_START ((size_t)-1)

/* Makes room for `more` further keys without growing on the way; 0 when memory ran out or
 * the table would pass SIM_HMAP_MAX_SLOTS (the table is then unchanged). */
int sim_set_reserve(SimSet *s, size_t more);
int sim_map_reserve(SimMap *m, size_t more);
void sim_set_free(SimSet *s);
void sim_map_free(SimMap *m);

static inline uint32_t sim_hmap_slot_(uint64_t key, uint32_t cap)
{
    return (uint32_t)key & (cap - 1);
}

/* 1 when key was new (and is added now), 0 when it was there, -1 when memory ran out. */
static inline int sim_set_add(SimSet *s, uint64_t key)
{
    key |= 1;
    if (((size_t)s->count + 1) * 2 > s->cap && !sim_set_reserve(s, 1))
        return -1;
    for (uint32_t j = sim_hmap_slot_(key, s->cap);; j = (j + 1) & (s->cap - 1)) {
        if (s->keys[j] == key)
            return 0;
        if (!s->keys[j]) {
            s->keys[j] = key;
            s->count++;
            return 1;
        }
    }
}

static inline int sim_set_has(const SimSet *s, uint64_t key)
{
    if (!s->cap)
        return 0;
    key |= 1;
    for (uint32_t j = sim_hmap_slot_(key, s->cap);; j = (j + 1) & (s->cap - 1)) {
        if (s->keys[j] == key)
            return 1;
        if (!s->keys[j])
            return 0;
    }
}

/* Asks the processor for the slot where key's search starts (the explorer batches lookups). */
static inline void sim_set_prefetch(const SimSet *s, uint64_t key)
{
#if defined(__GNUC__) || defined(__clang__)
    if (s->cap)
        __builtin_prefetch(&s->keys[sim_hmap_slot_(key | 1, s->cap)]);
#else
    (void)s;
    (void)key;
#endif
}

/* Adds the value val under key, beside any values it already holds; 0 when memory ran out. */
static inline int sim_map_add(SimMap *m, uint64_t key, uint32_t val)
{
    key |= 1;
    if (((size_t)m->count + 1) * 2 > m->cap && !sim_map_reserve(m, 1))
        return 0;
    uint32_t j = sim_hmap_slot_(key, m->cap);
    while (m->keys[j])
        j = (j + 1) & (m->cap - 1);
    m->keys[j] = key;
    m->vals[j] = val;
    m->count++;
    return 1;
}

/* The next value stored under key after *cursor (start with *cursor = SIM_MAP_START), as a
 * pointer the caller may write through until the map next grows; NULL when there is none. */
static inline uint32_t *sim_map_next(const SimMap *m, uint64_t key, size_t *cursor)
{
    if (!m->cap)
        return NULL;
    key |= 1;
    uint32_t j = *cursor == SIM_MAP_START ? sim_hmap_slot_(key, m->cap)
                                          : ((uint32_t)*cursor + 1) & (m->cap - 1);
    for (;; j = (j + 1) & (m->cap - 1)) {
        if (!m->keys[j])
            return NULL;
        if (m->keys[j] == key) {
            *cursor = j;
            return &m->vals[j];
        }
    }
}

/* The first value stored under key, or NULL. */
static inline uint32_t *sim_map_get(const SimMap *m, uint64_t key)
{
    size_t cursor = SIM_MAP_START;
    return sim_map_next(m, key, &cursor);
}

#endif /* SIM_HMAP_H */
