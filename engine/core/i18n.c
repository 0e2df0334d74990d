/*
 * i18n.c — the Russian column of the string table (see i18n.h).
 */
#include "i18n.h"

static const char *const ru[STR__COUNT] = {
#define SIM_STR_TEXT(id, text) [id] = text,
    SIM_STRINGS_ALL(SIM_STR_TEXT)
#undef SIM_STR_TEXT
};

const char *tr(SimStr id)
{
    return (unsigned)id < STR__COUNT && ru[id] ? ru[id] : "";
}
