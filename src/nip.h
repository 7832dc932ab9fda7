/* SPDX-License-Identifier: MIT */
/* nip: the 18-digit employee number (NIP) of PNS and PPPK (core layer):
 * parse, validate, and check it against a row's birth date and sex.
 * domain.md section 2. No I/O. */
#ifndef MUTASI_NIP_H
#define MUTASI_NIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define NIP_LEN 18

enum nip_kind {
    NIP_PNS, /* YYYYMMDD birth, YYYYMM CPNS appointment, sex, 3-digit seq. */
    NIP_PPPK /* YYYYMMDD birth, YYYY appointment, '2', contract, sex, seq. */
};

/* What is wrong with a NIP or with a row that carries it. */
enum nip_problem {
    NIP_OK,
    NIP_BAD_LENGTH,      /* Not exactly 18 characters. */
    NIP_NOT_DIGITS,      /* A character that is not an ASCII digit. */
    NIP_BAD_BIRTH,       /* Digits 1-8 are not a real date. */
    NIP_BAD_APPOINTMENT, /* Appointment month/year not real (e.g. month 13). */
    NIP_TOO_YOUNG,       /* Appointment year before the 18th birthday year. */
    NIP_BAD_SEX,         /* Sex digit is not 1 or 2. */
    NIP_BAD_CONTRACT,    /* PPPK contract digit is 0. */
    NIP_BIRTH_MISMATCH,  /* The row's tanggal_lahir differs from the NIP. */
    NIP_SEX_MISMATCH,    /* The row's jenis_kelamin differs from the NIP. */
    NIP_KIND_MISMATCH    /* PPPK status with a PNS NIP, or the reverse. */
};

struct nip_info {
    enum nip_kind kind;
    int32_t lahir;      /* Birth date as a date.h day number. */
    int tahun_angkat;   /* Year of first appointment (CPNS or PPPK). */
    int bulan_angkat;   /* Month of CPNS appointment 1-12; 0 for PPPK. */
    char jenis_kelamin; /* 'L' or 'P'. */
    int kontrak;        /* PPPK contract count 1-9; 0 for PNS. */
    int urut;           /* Sequence number 0-999. */
};

/* Parse the 'len' bytes of 's' as a NIP into '*out'. On failure returns
 * ERR_INVAL and stores the reason in '*problem' (never NIP_OK then);
 * '*problem' is NIP_OK on success. A NIP is PPPK when its 13th digit is 2
 * (no PNS appointment month starts with 2). */
MUST_USE enum err nip_parse(const char *s, size_t len, struct nip_info *out,
                            enum nip_problem *problem);
/* Check a parsed NIP against what its row states: 'lahir' (DATE_NONE when
 * the row leaves it out), 'jk' ('L', 'P' or 0 when left out) and whether
 * the row's status is PPPK. Returns NIP_OK or the first disagreement. */
enum nip_problem nip_check_row(const struct nip_info *info, int32_t lahir,
                               char jk, bool status_pppk);
/* The NIP 's' as a number, a compact key for a map64: 's' must be exactly
 * NIP_LEN ASCII digits and nothing more, else 0 (as for eighteen zeros).
 * It checks no date or digit rule of nip_parse(). */
uint64_t nip_key(const char *s);
/* A sentence naming the field and what is wrong, in Bahasa Indonesia, or in
 * English when 'english'. Static storage. */
const char *nip_problem_text(enum nip_problem p, bool english);

#endif
