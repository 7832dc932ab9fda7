/* SPDX-License-Identifier: MIT */
/* libFuzzer target for siasn_read, the reader of SIASN's export CSV and
 * reference JSON lists: the first byte picks the file, the rest is its
 * content. Arbitrary bytes must never crash it, and what it keeps must be
 * in our forms: ids of 32 lower-case hex digits, dates YYYY-MM-DD, golongan
 * I/a .. IV/e; codes made from any name must be valid codes. */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "siasn.h"

/* Stays on under NDEBUG, unlike assert(). */
#define FUZZ_CHECK(cond) \
    do {                 \
        if (!(cond)) {   \
            abort();     \
        }                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
is_id(const char *s)
{
    if (strlen(s) != 32) {
        return false;
    }
    for (const char *p = s; *p != '\0'; p++) {
        if (!isxdigit((unsigned char)*p) || isupper((unsigned char)*p)) {
            return false;
        }
    }
    return true;
}

static bool
is_date(const char *s)
{
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-';
}

static void
check_cell(enum siasn_file k, int c, const char *v)
{
    char code[MODEL_CODE_MAX + 1];
    bool sure = false;
    if (v == NULL) {
        return;
    }
    FUZZ_CHECK(v[0] != '\0');
    if (k == SIASN_ASN) {
        if (c == SA_PNS_ID || c == SA_JABATAN_ID || c == SA_UNOR_ID ||
            c == SA_INSTANSI_INDUK_ID) {
            FUZZ_CHECK(is_id(v));
        } else if (c == SA_TANGGAL_LAHIR || c == SA_TMT_JABATAN) {
            FUZZ_CHECK(is_date(v));
        } else if (c == SA_GOL_AKHIR_ID) {
            FUZZ_CHECK(model_golongan_rank(v) >= 0);
        }
    } else if (k == SIASN_UNOR &&
               (c == SU_ID || c == SU_INSTANSI_ID || c == SU_DIATASAN_ID)) {
        FUZZ_CHECK(is_id(v));
    } else if (k != SIASN_UNOR && c == SJ_ID) {
        FUZZ_CHECK(is_id(v));
    }
    siasn_code_from_name(v, 32, code, sizeof(code));
    FUZZ_CHECK(siasn_code_ok(code) && strlen(code) <= 32);
    int jenis = (int)siasn_guess_unit_jenis(v, &sure);
    FUZZ_CHECK(jenis >= 0 && jenis <= UNIT_LAINNYA);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    enum siasn_file k = (enum siasn_file)(data[0] % SIASN_N_FILES);
    struct diag d;
    struct siasn_table t;
    diag_init(&d, 20);
    (void)siasn_read(k, "fuzz", (const char *)data + 1, size - 1, &d, &t);
    for (long i = 0; i < t.n_rows; i++) {
        for (int c = 0; c < t.n_cols; c++) {
            check_cell(k, c, siasn_cell(&t, i, c));
        }
    }
    siasn_table_cleanup(&t);
    diag_cleanup(&d);
    return 0;
}
