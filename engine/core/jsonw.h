/*
 * jsonw.h — a small streaming JSON writer.
 *
 * Owns: SimJsonW, which appends syntactically valid JSON (RFC 8259) to a SimBuf, pretty or
 * compact, with deterministic number formatting so the same data always gives the same bytes.
 * Reading JSON is the scenario module's job (cJSON enters the program only there).
 * Depends on: core.h.
 */
#ifndef SIM_JSONW_H
#define SIM_JSONW_H

#include "core.h"

#define SIMJSONW_MAX_DEPTH 32

typedef struct SimJsonW {
    SimBuf *out; /* borrowed */
    int pretty;  /* indent with two spaces */
    int depth;
    int count[SIMJSONW_MAX_DEPTH]; /* values written at each depth */
    int after_key;
} SimJsonW;

void simjsonw_init(SimJsonW *w, SimBuf *out, int pretty);
void simjsonw_object(SimJsonW *w);
void simjsonw_object_end(SimJsonW *w);
void simjsonw_array(SimJsonW *w);
void simjsonw_array_end(SimJsonW *w);
void simjsonw_key(SimJsonW *w, const char *key);
void simjsonw_string(SimJsonW *w, const char *s); /* NULL writes null */
void simjsonw_int(SimJsonW *w, long long v);
void simjsonw_uint(SimJsonW *w, unsigned long long v); /* seeds: 64-bit, never negative */
void simjsonw_number(SimJsonW *w, double v);
void simjsonw_bool(SimJsonW *w, int v);
void simjsonw_null(SimJsonW *w);
/* Appends s as a JSON string literal (quoted, escaped) to b. */
void simjson_escape(SimBuf *b, const char *s);

#endif /* SIM_JSONW_H */
