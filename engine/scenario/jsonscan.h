/*
 * jsonscan.h — the strict JSON pass that runs before cJSON (internal to the scenario module).
 *
 * Owns: JsonPosMap, the position (line, column) of every value by its JSON path, and the
 * strict checks cJSON does not make: RFC 8259 numbers, no raw control characters in strings,
 * valid UTF-8 and \u escapes (no lone surrogates), only JSON whitespace, duplicate keys (both
 * positions reported), and bounds on nesting depth, number length and file size.
 * Paths look like: steps.greet.actions[2].next (keys that are not plain identifiers are
 * written as ["key"]).
 * Depends on: core.
 */
#ifndef SIM_JSONSCAN_H
#define SIM_JSONSCAN_H

#include <stddef.h>

#include "../core/core.h"
#include "../core/diag.h"

#define JSONSCAN_MAX_DEPTH  64
#define JSONSCAN_MAX_NUMBER 64
#define JSONSCAN_MAX_STRING 16384u /* bytes of one string as written (escapes included) */

typedef struct JsonPosMap JsonPosMap;

/* Scans text; reports every strictness problem to diags under file. Returns 1 when the text is
 * valid strict JSON (then *out holds the position map, caller frees with jsonpos_free), 0
 * otherwise (*out is NULL). */
int jsonscan(const char *text, size_t len, const char *file, SimDiags *diags, JsonPosMap **out);
/* Finds the position of path, or of its closest recorded ancestor. Returns 1 on exact match. */
int jsonpos_lookup(const JsonPosMap *m, const char *path, int *line, int *col);
void jsonpos_free(JsonPosMap *m);
/* Appends a key segment to a path buffer the way jsonscan records it. */
void jsonpath_append_key(SimBuf *path, const char *key);

#endif /* SIM_JSONSCAN_H */
