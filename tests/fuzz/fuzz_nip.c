/* SPDX-License-Identifier: MIT */
/* libFuzzer target for nip_parse, nip_check_row and date_parse: arbitrary
 * bytes must never crash them, and whatever they accept must re-form the
 * bytes it came from. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "nip.h"

/* Stays on under NDEBUG, unlike assert(). */
#define FUZZ_CHECK(cond) \
    do {                 \
        if (!(cond)) {   \
            abort();     \
        }                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write 'v' as exactly 'n' zero-padded digits at 'out'. */
static void
put_digits(char *out, int v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* Re-form the 18 digits of a NIP from its parsed fields. */
static void
nip_reform(const struct nip_info *info, char out[NIP_LEN])
{
    int y;
    int m;
    int d;
    date_to_ymd(info->lahir, &y, &m, &d);
    put_digits(out, y, 4);
    put_digits(out + 4, m, 2);
    put_digits(out + 6, d, 2);
    put_digits(out + 8, info->tahun_angkat, 4);
    if (info->kind == NIP_PPPK) {
        out[12] = '2';
        put_digits(out + 13, info->kontrak, 1);
    } else {
        put_digits(out + 12, info->bulan_angkat, 2);
    }
    out[14] = info->jenis_kelamin == 'L' ? '1' : '2';
    put_digits(out + 15, info->urut, 3);
}

static void
check_nip(const char *s, size_t size)
{
    struct nip_info info;
    enum nip_problem p = NIP_OK;
    char again[NIP_LEN];
    enum err rc = nip_parse(s, size, &info, &p);
    FUZZ_CHECK(nip_problem_text(p, false)[0] != '\0');
    FUZZ_CHECK(nip_problem_text(p, true)[0] != '\0');
    if (rc != ERR_OK) {
        FUZZ_CHECK(rc == ERR_INVAL && p != NIP_OK && p <= NIP_BAD_CONTRACT);
        return;
    }
    FUZZ_CHECK(p == NIP_OK && size == NIP_LEN);
    FUZZ_CHECK(info.jenis_kelamin == 'L' || info.jenis_kelamin == 'P');
    FUZZ_CHECK(info.urut >= 0 && info.urut <= 999);
    FUZZ_CHECK(info.kind == NIP_PPPK
                   ? info.kontrak >= 1 && info.kontrak <= 9
                   : info.bulan_angkat >= 1 && info.bulan_angkat <= 12);
    nip_reform(&info, again);
    FUZZ_CHECK(memcmp(again, s, NIP_LEN) == 0);
    bool pppk = info.kind == NIP_PPPK;
    FUZZ_CHECK(nip_check_row(&info, info.lahir, info.jenis_kelamin, pppk) ==
               NIP_OK);
    FUZZ_CHECK(nip_check_row(&info, DATE_NONE, 0, !pppk) == NIP_KIND_MISMATCH);
    FUZZ_CHECK(nip_check_row(&info, info.lahir + 1, 0, pppk) ==
               NIP_BIRTH_MISMATCH);
}

/* Parse a date from 's'; on success it must format back to the same bytes. */
static bool
check_date(const char *s, size_t size, int32_t *out)
{
    char text[DATE_STR_LEN];
    if (date_parse(s, size, out) != ERR_OK) {
        return false;
    }
    date_format(*out, text);
    FUZZ_CHECK(size == DATE_STR_LEN - 1 && memcmp(text, s, size) == 0);
    return true;
}

/* Two dates in a row also exercise the month arithmetic. */
static void
check_months(const char *s, size_t size)
{
    int32_t from;
    int32_t to;
    size_t half = DATE_STR_LEN - 1;
    if (size != 2 * half || !check_date(s, half, &from) ||
        !check_date(s + half, half, &to)) {
        return;
    }
    int m = date_months_between(from, to);
    FUZZ_CHECK(date_add_months(from, m) <= to);
    FUZZ_CHECK(date_add_months(from, m + 1) > to);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    int32_t day;
    check_nip(s, size);
    (void)check_date(s, size, &day);
    check_months(s, size);
    return 0;
}
