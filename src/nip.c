/* SPDX-License-Identifier: MIT */
/* nip: parse and validate the 18-digit NIP of PNS and PPPK, and check it
 * against a row (core layer, domain.md section 2). Pure: no I/O. */
#include "nip.h"

#include <assert.h>

#include "date.h"

#define NIP_ADULT_AGE 18 /* Appointment no earlier than this birthday year. */

/* Digit positions (0-based) of the fields of a NIP. */
#define NIP_AT_BIRTH    0
#define NIP_AT_YEAR     8
#define NIP_AT_MONTH    12 /* PNS: CPNS month. PPPK: the marker '2'. */
#define NIP_AT_CONTRACT 13 /* PPPK only. */
#define NIP_AT_SEX      14
#define NIP_AT_SEQ      15

/* The value of the 'n' digits at 's'; the caller has checked they are
 * ASCII digits. */
static int
digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool
all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

/* Fill the appointment fields of '*info' from the 18 digits at 's'. */
static enum nip_problem
parse_appointment(const char *s, struct nip_info *info)
{
    info->tahun_angkat = digits_value(s + NIP_AT_YEAR, 4);
    if (s[NIP_AT_MONTH] == '2') {
        info->kind = NIP_PPPK;
        info->bulan_angkat = 0;
        info->kontrak = s[NIP_AT_CONTRACT] - '0';
    } else {
        info->kind = NIP_PNS;
        info->bulan_angkat = digits_value(s + NIP_AT_MONTH, 2);
        info->kontrak = 0;
    }
    /* Day 1 exists in every month, so this checks the year and month. */
    int month = info->kind == NIP_PNS ? info->bulan_angkat : 1;
    if (!date_is_valid(info->tahun_angkat, month, 1)) {
        return NIP_BAD_APPOINTMENT;
    }
    if (info->kind == NIP_PPPK && info->kontrak == 0) {
        return NIP_BAD_CONTRACT;
    }
    return NIP_OK;
}

/* Validate the 18 digits at 's' into '*info', field by field in the order
 * they appear, then the age at appointment, which needs two fields. */
static enum nip_problem
parse_digits(const char *s, struct nip_info *info)
{
    int y = digits_value(s + NIP_AT_BIRTH, 4);
    int m = digits_value(s + NIP_AT_BIRTH + 4, 2);
    int d = digits_value(s + NIP_AT_BIRTH + 6, 2);
    if (!date_is_valid(y, m, d)) {
        return NIP_BAD_BIRTH;
    }
    info->lahir = date_from_ymd(y, m, d);
    enum nip_problem p = parse_appointment(s, info);
    if (p != NIP_OK) {
        return p;
    }
    if (s[NIP_AT_SEX] == '1') {
        info->jenis_kelamin = 'L';
    } else if (s[NIP_AT_SEX] == '2') {
        info->jenis_kelamin = 'P';
    } else {
        return NIP_BAD_SEX;
    }
    info->urut = digits_value(s + NIP_AT_SEQ, 3);
    if (info->tahun_angkat < y + NIP_ADULT_AGE) {
        return NIP_TOO_YOUNG;
    }
    return NIP_OK;
}

enum err
nip_parse(const char *s, size_t len, struct nip_info *out,
          enum nip_problem *problem)
{
    struct nip_info info;
    enum nip_problem p = NIP_OK;
    if (len != NIP_LEN) {
        p = NIP_BAD_LENGTH;
    } else if (!all_digits(s, len)) {
        p = NIP_NOT_DIGITS;
    } else {
        p = parse_digits(s, &info);
    }
    *problem = p;
    if (p != NIP_OK) {
        return ERR_INVAL;
    }
    *out = info;
    return ERR_OK;
}

enum nip_problem
nip_check_row(const struct nip_info *info, int32_t lahir, char jk,
              bool status_pppk)
{
    assert(info != NULL);
    if (lahir != DATE_NONE && lahir != info->lahir) {
        return NIP_BIRTH_MISMATCH;
    }
    if (jk != 0 && jk != info->jenis_kelamin) {
        return NIP_SEX_MISMATCH;
    }
    if (status_pppk != (info->kind == NIP_PPPK)) {
        return NIP_KIND_MISMATCH;
    }
    return NIP_OK;
}

uint64_t
nip_key(const char *s)
{
    uint64_t v = 0;
    size_t n = 0;
    for (; s[n] >= '0' && s[n] <= '9' && n < NIP_LEN; n++) {
        v = v * 10 + (uint64_t)(s[n] - '0');
    }
    return n == NIP_LEN && s[n] == '\0' ? v : 0;
}

/* Indexed by enum nip_problem: Bahasa Indonesia, then English. */
static const char *const nip_texts[][2] = {
    [NIP_OK] = {"NIP valid", "NIP is valid"},
    [NIP_BAD_LENGTH] = {"NIP harus 18 digit", "NIP must have 18 digits"},
    [NIP_NOT_DIGITS] = {"NIP hanya boleh berisi angka 0-9",
                        "NIP must contain only the digits 0-9"},
    [NIP_BAD_BIRTH] = {"tanggal lahir di NIP (digit 1-8) tidak ada di "
                       "kalender",
                       "NIP birth date (digits 1-8) is not a real date"},
    [NIP_BAD_APPOINTMENT] = {"bulan atau tahun pengangkatan di NIP (digit "
                             "9-14) tidak valid",
                             "NIP appointment month or year (digits 9-14) "
                             "is not valid"},
    [NIP_TOO_YOUNG] = {"tahun pengangkatan di NIP sebelum tahun ulang "
                       "tahun ke-18",
                       "NIP appointment year is before the year of the "
                       "18th birthday"},
    [NIP_BAD_SEX] = {"digit jenis kelamin di NIP (digit 15) harus 1 atau 2",
                     "NIP sex digit (digit 15) must be 1 or 2"},
    [NIP_BAD_CONTRACT] = {"digit kontrak PPPK di NIP (digit 14) tidak boleh "
                          "0",
                          "NIP PPPK contract digit (digit 14) must not be "
                          "0"},
    [NIP_BIRTH_MISMATCH] = {"tanggal_lahir berbeda dengan tanggal lahir di "
                            "NIP",
                            "tanggal_lahir differs from the birth date in "
                            "the NIP"},
    [NIP_SEX_MISMATCH] = {"jenis_kelamin berbeda dengan jenis kelamin di "
                          "NIP",
                          "jenis_kelamin differs from the sex in the NIP"},
    [NIP_KIND_MISMATCH] = {"status tidak sesuai dengan jenis NIP (PNS atau "
                           "PPPK)",
                           "status does not match the kind of NIP (PNS or "
                           "PPPK)"},
};

const char *
nip_problem_text(enum nip_problem p, bool english)
{
    if ((unsigned)p >= sizeof(nip_texts) / sizeof(nip_texts[0])) {
        return english ? "unknown NIP problem" : "masalah NIP tidak dikenal";
    }
    return nip_texts[p][english ? 1 : 0];
}
