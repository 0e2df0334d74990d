/*
 * mrz.h — the machine-readable zone (MRZ) of a passport, computed from the document's own
 * fields: the ICAO 9303 TD3 layout (two lines of 44 characters, '<' filler, check digits with
 * the repeating weights 7-3-1, a composite check digit) and, for the Russian internal passport,
 * the Russian variant of it (document code "PN", the name transliterated by the Russian MRZ
 * table, the last digit of the series, the issue date and the division code in the optional
 * data, no expiry date).
 *
 * Pure functions: no allocation, no I/O, no clock. The window draws what these return; the
 * unit test checks them against the ICAO 9303 Part 4 specimen and a hand-computed Russian
 * passport.
 *
 * Sources (checked 2026-12-06):
 *   - ICAO Doc 9303 Part 3 (check digits, transliteration of Cyrillic) and Part 4 (TD3
 *     layout, the specimen "L898902C3"), as restated by ГОСТ Р ИСО/МЭК 7501-1;
 *   - «Правила и способ формирования машиночитаемой записи в паспорте гражданина Российской
 *     Федерации…» (приказ ФМС России от 2010 г., docs.cntd.ru/document/902288198, table 3:
 *     positions of the lower line and the 7-3-1 weights); the same layout is kept by приказ
 *     МВД России от 13.11.2017 № 851;
 *   - the Russian MRZ transliteration table (Ё→2, Ж→J, Й→Q, Х→H, Ц→C, Ч→3, Ш→4, Щ→W, Ъ→X,
 *     Ы→Y, Ь→9, Э→6, Ю→7, Я→8; the rest letter for letter), as used by open-source readers
 *     of Russian passports and in the order's table 1.
 * Depends on: core, scenario (Document).
 */
#ifndef SIM_MRZ_H
#define SIM_MRZ_H

#include <stddef.h>

#include "../core/core.h"
#include "scenario.h"

#define MRZ_TD3_LEN 44 /* characters in each of the two lines of a passport's zone */

/* The two lines of a zone, NUL-terminated. A plain value: copy it freely. */
typedef struct MrzZone {
    char line[2][MRZ_TD3_LEN + 1];
} MrzZone;

/* The value of one MRZ character: '0'–'9' → 0–9, 'A'–'Z' → 10–35, '<' → 0; -1 otherwise. */
int mrz_char_value(char c);

/* The ICAO check digit (0–9) of s[0..n): each value times 7, 3, 1, 7, 3, 1 …, summed, modulo
 * 10. Returns -1 when s holds a character that is not allowed in a zone. */
int mrz_check_digit(const char *s, size_t n);

/* Which transliteration a name goes through. */
typedef enum MrzTranslit {
    MRZ_TRANSLIT_ICAO = 0, /* Doc 9303 Part 3: Ж→ZH, Х→KH, Ц→TS, Ю→IU … (travel passports) */
    MRZ_TRANSLIT_RU_INTERNAL /* the Russian internal passport: one character per letter */
} MrzTranslit;

/* Writes name (UTF-8) into out as MRZ characters: letters upper-case Latin, Cyrillic
 * transliterated by the table t, spaces and hyphens as '<', anything else dropped. out gets at
 * most cap-1 characters and a NUL. Returns the number of characters written. */
size_t mrz_translit(const char *name, MrzTranslit t, char *out, size_t cap);

/* The fields of a TD3 zone, already in MRZ characters (upper-case Latin, digits, '<'); a field
 * longer than its place is cut, a shorter one padded with '<'. */
typedef struct MrzTd3 {
    const char *doc_code;    /* "P<" for a passport, "PN" for the Russian internal one */
    const char *state;       /* issuing state, 3 letters ("UTO", "RUS") */
    const char *name;        /* "ERIKSSON<<ANNA<MARIA": primary identifier, "<<", the rest */
    const char *number;      /* document number, up to 9 characters */
    const char *nationality; /* 3 letters */
    const char *birth;       /* YYMMDD */
    char sex;                /* 'M', 'F' or '<' */
    const char *expiry;      /* YYMMDD, or "" when the document states none (all '<') */
    const char *optional;    /* personal number / optional data, up to 14 characters */
    int blank_checks;        /* 1: an all-filler field gets '<' as its check digit, not '0' */
} MrzTd3;

/* Builds the two lines. Returns SIM_ERR_INVALID (with a message naming the field) when a field
 * holds a character a zone cannot carry. */
SimStatus mrz_td3(const MrzTd3 *in, MrzZone *out, SimError *err);

/* The zone of a document from its own fields: "passport_rf" by the Russian rules (series,
 * number, surname, name, patronymic, sex, birth_date, issue_date, division_code),
 * "passport_foreign" by ICAO TD3 (number, surname, name, birth_date, expiry_date, and the
 * issuing state from "country" or, for a Cyrillic name, RUS). Returns SIM_ERR_INVALID with a
 * Russian message when the type has no zone or a field it needs is missing or malformed. */
SimStatus mrz_from_document(const Document *d, MrzZone *out, SimError *err);

/* 1 when a Russian internal passport with this issue date ("ДД.ММ.ГГГГ") carries a zone: forms
 * issued from 1 July 2011 on do, older ones do not. */
int mrz_rf_has_zone(const char *issue_date);

#endif
