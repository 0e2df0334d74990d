/* test_mrz.c — the machine-readable zone: check digits, the ICAO 9303 Part 4 specimen passport,
 * a Russian internal passport worked out by hand, both transliterations, and the refusals. */
#include "scenario/mrz.h"
#include "../test.h"

/* A document with the given key/value pairs (NULL-terminated), pointing at the caller's
 * strings. */
static Document make_doc(const char *id, const char *type, const char **kv, DocField *fields)
{
    size_t n = 0;
    for (; kv[2 * n]; n++)
        fields[n] = (DocField){.key = (char *)kv[2 * n],
                               .label = (char *)kv[2 * n],
                               .value = (char *)kv[2 * n + 1]};
    return (Document){.id = (char *)id,
                      .type = (char *)type,
                      .title = (char *)id,
                      .fields = fields,
                      .field_count = n};
}

static void check_digits(void)
{
    /* ICAO 9303 Part 3: values 0–9, A=10 … Z=35, '<'=0, weights 7-3-1. */
    CHECK_INT(mrz_char_value('<'), 0);
    CHECK_INT(mrz_char_value('Z'), 35);
    CHECK_INT(mrz_char_value('a'), -1);
    CHECK_INT(mrz_check_digit("L898902C3", 9), 6);
    CHECK_INT(mrz_check_digit("740812", 6), 2);
    CHECK_INT(mrz_check_digit("120415", 6), 9);
    CHECK_INT(mrz_check_digit("ZE184226B<<<<<", 14), 1);
    CHECK_INT(mrz_check_digit("<<<<<<", 6), 0);
    CHECK_INT(mrz_check_digit("L89-", 4), -1);
}

static void icao_specimen(void)
{
    /* The specimen of ICAO Doc 9303 Part 4 (Utopia, Anna Maria Eriksson). */
    MrzTd3 in = {.doc_code = "P<",
                 .state = "UTO",
                 .name = "ERIKSSON<<ANNA<MARIA",
                 .number = "L898902C3",
                 .nationality = "UTO",
                 .birth = "740812",
                 .sex = 'F',
                 .expiry = "120415",
                 .optional = "ZE184226B"};
    MrzZone z;
    SimError err = {0};
    CHECK_INT(mrz_td3(&in, &z, &err), SIM_OK);
    CHECK_STR(z.line[0], "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    CHECK_STR(z.line[1], "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    CHECK_INT(strlen(z.line[0]), 44);
    CHECK_INT(strlen(z.line[1]), 44);
    in.number = "L8989-2C3";
    CHECK_INT(mrz_td3(&in, &z, &err), SIM_ERR_INVALID);
    CHECK(strstr(err.msg, "number") != NULL);
}

static void translit(void)
{
    char out[64];
    CHECK_INT(mrz_translit("Ершов", MRZ_TRANSLIT_RU_INTERNAL, out, sizeof out), 5);
    CHECK_STR(out, "ER4OV");
    mrz_translit("Щёкина-Юрьева Эля Ханифовна", MRZ_TRANSLIT_RU_INTERNAL, out, sizeof out);
    CHECK_STR(out, "W2KINA<7R9EVA<6L8<HANIFOVNA");
    mrz_translit("Жуков Цой Чайка Шмелёв Объедков Быков", MRZ_TRANSLIT_RU_INTERNAL, out,
                 sizeof out);
    CHECK_STR(out, "JUKOV<COQ<3AQKA<4MEL2V<OBXEDKOV<BYKOV");
    mrz_translit("Кузнецова Юлия Щербакова", MRZ_TRANSLIT_ICAO, out, sizeof out);
    CHECK_STR(out, "KUZNETSOVA<IULIIA<SHCHERBAKOVA");
    mrz_translit("  Ольга ", MRZ_TRANSLIT_ICAO, out, sizeof out);
    CHECK_STR(out, "OLGA");
    CHECK_INT(mrz_translit("Ершов", MRZ_TRANSLIT_RU_INTERNAL, out, 3), 2); /* cut, not overrun */
    CHECK_STR(out, "ER");
}

static void russian_passport(void)
{
    /* Worked out by hand (weights 7-3-1, sums modulo 10):
     *   number 251604118 (series 25 12 → "251", number 604118):
     *     2·7+5·3+1·1+6·7+0·3+4·1+1·7+1·3+8·1 = 94 → 4
     *   birth 670203: 6·7+7·3+0+2·7+0+3·1 = 80 → 0
     *   optional "2120221380004<" (last series digit 2, issued 21.02.2012, code 380-004):
     *     14+3+2+0+6+2+7+9+8+0+0+0+28+0 = 79 → 9
     *   composite over 2516041184 6702030 <<<<<<< 2120221380004<9: 262 → 2 */
    const char *kv[] = {"series",     "25 12",         "number",     "604118",     "surname",
                        "Ершов",      "name",          "Виктор",     "patronymic", "Павлович",
                        "sex",        "муж.",          "birth_date", "03.02.1967", "issue_date",
                        "21.02.2012", "division_code", "380-004",    NULL};
    DocField f[16];
    Document d = make_doc("viktor-passport", "passport_rf", kv, f);
    MrzZone z;
    SimError err = {0};
    CHECK_INT(mrz_from_document(&d, &z, &err), SIM_OK);
    CHECK_STR(z.line[0], "PNRUSER4OV<<VIKTOR<PAVLOVI3<<<<<<<<<<<<<<<<<");
    CHECK_STR(z.line[1], "2516041184RUS6702030M<<<<<<<2120221380004<92");
    /* The zone follows the document's own fields: a changed birth date changes it. */
    f[6].value = "04.02.1967";
    CHECK_INT(mrz_from_document(&d, &z, &err), SIM_OK);
    CHECK(strncmp(z.line[1] + 13, "6702041", 7) == 0);
    /* A broken field is refused with its name, not printed as garbage. */
    f[1].value = "60411";
    CHECK_INT(mrz_from_document(&d, &z, &err), SIM_ERR_INVALID);
    CHECK(strstr(err.msg, "number") != NULL);
    /* Forms issued before 1 July 2011 carry no zone. */
    CHECK(!mrz_rf_has_zone("30.06.2011"));
    CHECK(mrz_rf_has_zone("01.07.2011"));
    CHECK(mrz_rf_has_zone("21.02.2012"));
    CHECK(!mrz_rf_has_zone("когда-то"));
}

static void long_name(void)
{
    /* 39 places for the name: the patronymic is cut at the 44th character of the line. */
    const char *kv[] = {"series",
                        "25 12",
                        "number",
                        "604118",
                        "surname",
                        "Константинопольская",
                        "name",
                        "Александра",
                        "patronymic",
                        "Владиславовна",
                        "sex",
                        "жен.",
                        "birth_date",
                        "03.02.1967",
                        "issue_date",
                        "21.02.2012",
                        "division_code",
                        "380-004",
                        NULL};
    DocField f[16];
    Document d = make_doc("p", "passport_rf", kv, f);
    MrzZone z;
    CHECK_INT(mrz_from_document(&d, &z, NULL), SIM_OK);
    CHECK_STR(z.line[0], "PNRUSKONSTANTINOPOL9SKA8<<ALEKSANDRA<VLADISL");
    CHECK_INT(strlen(z.line[0]), 44);
    CHECK(z.line[1][20] == 'F');
}

static void foreign_passport(void)
{
    const char *kv[] = {"number",      "76 4127385",
                        "surname",     "КУЗНЕЦОВА / KUZNETSOVA",
                        "name",        "ЕКАТЕРИНА / EKATERINA",
                        "birth_date",  "19.03.1990",
                        "expiry_date", "21.06.2033",
                        NULL};
    DocField f[16];
    Document d = make_doc("zagran", "passport_foreign", kv, f);
    MrzZone z;
    SimError err = {0};
    CHECK_INT(mrz_from_document(&d, &z, &err), SIM_OK);
    CHECK_STR(z.line[0], "P<RUSKUZNETSOVA<<EKATERINA<<<<<<<<<<<<<<<<<<");
    /* 764127385 → 7·7+6·3+4+1·7+2·3+7+3·7+8·3+5 = 141 → 1; 900319 → 63+0+0+21+3+9 = 96 → 6;
     * 330621 → 21+9+0+42+6+1 = 79 → 9; composite → 7 (checked by mrz_check_digit below). */
    CHECK(strncmp(z.line[1], "7641273851RUS9003196<3306219<<<<<<<<<<<<<<<", 43) == 0);
    char comp[39];
    memcpy(comp, z.line[1], 10);
    memcpy(comp + 10, z.line[1] + 13, 7);
    memcpy(comp + 17, z.line[1] + 21, 22);
    CHECK_INT(z.line[1][43] - '0', mrz_check_digit(comp, sizeof comp));
    const char *kv2[] = {"number",     "FA 3195072", "surname",     "TOSHPULATOV", "name", "JASUR",
                         "birth_date", "16.04.1999", "expiry_date", "04.08.2031",  NULL};
    Document d2 = make_doc("fpassport", "passport_foreign", kv2, f);
    CHECK_INT(mrz_from_document(&d2, &z, &err), SIM_ERR_INVALID); /* no issuing state */
    CHECK(strstr(err.msg, "country") != NULL);
    Document note = make_doc("note", "note", kv2, f);
    CHECK_INT(mrz_from_document(&note, &z, &err), SIM_ERR_INVALID);
}

int main(void)
{
    check_digits();
    icao_specimen();
    translit();
    russian_passport();
    long_name();
    foreign_passport();
    return TEST_REPORT();
}
