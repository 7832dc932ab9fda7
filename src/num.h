/* SPDX-License-Identifier: MIT */
/* num: exact decimal numbers as scaled integers (base layer): strict
 * parsing of spreadsheet cells and formatting without trailing zeros. */
#ifndef MUTASI_NUM_H
#define MUTASI_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum num_problem {
    NUM_OK,
    NUM_SYNTAX,       /* Not a number at all. */
    NUM_THOUSANDS,    /* A thousands separator (1.234.567, 1,234.5). */
    NUM_DECIMALS,     /* More decimals than allowed. */
    NUM_NOT_WHOLE,    /* A fraction where a whole number is due. */
    NUM_RANGE,        /* Too large to hold. */
    NUM_DECIMAL_COMMA /* Decimal comma in a comma-separated file. */
};

/* Parse the 'len' bytes of 's' as a decimal with at most 'scale' decimals
 * (0-9) into '*out' = value × 10^scale. A leading '-' is allowed; the
 * decimal separator is '.', or also ',' when 'comma_ok'. Returns NUM_OK or
 * the problem, leaving '*out' unchanged then. */
enum num_problem num_parse_fixed(const char *s, size_t len, int scale,
                                 bool comma_ok, int64_t *out);
/* Write 'v' / 10^'scale' into 'out' ('out_len' >= 24 bytes) with '.' as the
 * separator and no trailing zeros ("12.5", "3", "-0.001"). */
void num_format_fixed(int64_t v, int scale, char *out, size_t out_len);

#endif
