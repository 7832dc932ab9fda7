/* SPDX-License-Identifier: MIT */
/* masa_tenang: election periods (core layer; domain.md section 5): the
 * setting masa_tenang parsed into date ranges with a label, who counts as
 * an official, and the due date of the report to the Ministry. No I/O.
 *
 * The setting is a list of periods "FROM..TO LABEL" separated by ';' (or
 * by line ends, in a file), e.g. "2029-05-27..2030-02-20 Pilkada 2029".
 * Both days belong to the period; periods may overlap (a day inside any
 * of them is inside a period); "" means none. */
#ifndef MUTASI_MASA_TENANG_H
#define MUTASI_MASA_TENANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "model.h"

#define MASA_TENANG_MAX       32 /* Periods in the setting at most. */
#define MASA_TENANG_LABEL_LEN 96 /* A label's bytes with its NUL. */
/* Working days (Monday to Friday) the Ministry is told within. */
#define MASA_TENANG_LAPOR_HARI 7

struct masa_tenang {
    int32_t dari;   /* First day (date.h). */
    int32_t sampai; /* Last day, not before 'dari'. */
    char label[MASA_TENANG_LABEL_LEN];
};

struct masa_tenang_list {
    struct masa_tenang items[MASA_TENANG_MAX];
    size_t n;
};

/* Where a bad period is: its line (1-based) and its number on that line
 * (1-based), as FILE:LINE:COLUMN names a field. */
struct masa_tenang_where {
    int line;
    int col;
};

/* Parse setting text 'text' into '*out'. ERR_INVAL for a period whose
 * dates are not real days, that ends before it starts, that has no label
 * or a label too long, or for more than MASA_TENANG_MAX periods: the
 * reason for people, naming the period, in 'why' ('why_len' bytes) and
 * its place in '*at' (may be NULL). */
MUST_USE enum err masa_tenang_parse(const char *text,
                                    struct masa_tenang_list *out,
                                    struct masa_tenang_where *at, char *why,
                                    size_t why_len);
/* The normal form of 'l' ("FROM..TO LABEL; ...", "" for none) into 'out'
 * ('len' bytes; truncated when too small). */
void masa_tenang_format(const struct masa_tenang_list *l, char *out,
                        size_t len);
/* The period of 'l' that 'day' lies in (the first one listed), or NULL. */
const struct masa_tenang *masa_tenang_covering(const struct masa_tenang_list *l,
                                               int32_t day);
/* The period 'day' lies in, else the next one to start after it, else
 * NULL: what the planner shows. */
const struct masa_tenang *masa_tenang_upcoming(const struct masa_tenang_list *l,
                                               int32_t day);
/* True when a post of kind 'jenis' and code 'kode' is an official's: JPT,
 * administrator or pengawas, or a code listed in 'kepala' (the setting
 * jabatan_kepala, codes separated by ';'; may be NULL). */
bool masa_tenang_is_official(enum jabatan_jenis jenis, const char *kode,
                             const char *kepala);
/* The day 'n' working days after 'day' (Monday to Friday; national
 * holidays are not known to the system, so they count as working days). */
int32_t masa_tenang_due(int32_t day, int n);

#endif
