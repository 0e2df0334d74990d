/*
 * hmap.c — growing the hash tables of hmap.h (the lookups are inline there).
 */
#include "hmap.h"

#include <stdlib.h>

/* The capacity that holds `need` keys at most half full, or 0 past SIM_HMAP_MAX_SLOTS. */
static uint32_t capacity_for(uint32_t cap, size_t need)
{
    size_t n = cap ? cap : 8;
    while (need * 2 > n) {
        n = n < (1u << 16) ? n * 2 : n * 4;
        if (n > SIM_HMAP_MAX_SLOTS)
            return 0;
    }
    return (uint32_t)n;
}

/* Moves every key (and value, when vals is given) into fresh tables of ncap slots. */
static int rehash(uint64_t **keys, uint32_t **vals, uint32_t *cap, uint32_t ncap)
{
    uint64_t *nk = calloc(ncap, sizeof *nk);
    uint32_t *nv = vals ? calloc(ncap, sizeof *nv) : NULL;
    if (!nk || (vals && !nv)) {
        free(nk);
        free(nv);
        return 0;
    }
    /* Each run of full slots from its start (so from an empty slot: a table is at most half
     * full): the values under one key lie in one run in the order they were added, and keep
     * that order in the new table. */
    uint32_t from = 0;
    while (from < *cap && (*keys)[from])
        from++;
    for (uint32_t n = 0; n < *cap; n++) {
        uint32_t i = (from + n) & (*cap - 1);
        uint64_t k = (*keys)[i];
        if (!k)
            continue;
        uint32_t j = sim_hmap_slot_(k, ncap);
        while (nk[j])
            j = (j + 1) & (ncap - 1);
        nk[j] = k;
        if (vals)
            nv[j] = (*vals)[i];
    }
    free(*keys);
    *keys = nk;
    if (vals) {
        free(*vals);
        *vals = nv;
    }
    *cap = ncap;
    return 1;
}

int sim_set_reserve(SimSet *s, size_t more)
{
    size_t need = (size_t)s->count + more;
    if (need * 2 <= s->cap)
        return 1;
    uint32_t ncap = capacity_for(s->cap, need);
    return ncap && rehash(&s->keys, NULL, &s->cap, ncap);
}

int sim_map_reserve(SimMap *m, size_t more)
{
    size_t need = (size_t)m->count + more;
    if (need * 2 <= m->cap)
        return 1;
    uint32_t ncap = capacity_for(m->cap, need);
    return ncap && rehash(&m->keys, &m->vals, &m->cap, ncap);
}

void sim_set_free(SimSet *s)
{
    free(s->keys);
    s->keys = NULL;
    s->cap = s->count = 0;
}

void sim_map_free(SimMap *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = m->count = 0;
}
