/* SPDX-License-Identifier: MIT */
/* abk_rows: the rows of the workload analysis (service layer): by
 * jabatan (one row a pair), by unit (a unit's own pairs) or by OPD (its
 * subtree), with their column texts and JSON (contract section 4). */
#ifndef MUTASI_ABK_ROWS_H
#define MUTASI_ABK_ROWS_H

#include <stdbool.h>
#include <stdint.h>

#include "abk.h"
#include "err.h"

struct analysis;
struct buf;
struct namebook;
struct json_obj;
struct settings;

enum abk_by { ABK_BY_JABATAN, ABK_BY_UNIT, ABK_BY_OPD };

/* One row: a pair (with 'jabatan') or a group (without). */
struct abk_row {
    const char *unit;
    const char *jabatan; /* NULL for a group. */
    struct abk_result r;
};

/* The columns of contract section 4, in its order. */
enum abk_col {
    ABK_C_UNIT,
    ABK_C_JABATAN,
    ABK_C_BEBAN,
    ABK_C_KEBUTUHAN,
    ABK_C_BULAT,
    ABK_C_H,
    ABK_C_H_PNS,
    ABK_C_H_PPPK,
    ABK_C_H_CPNS,
    ABK_C_H_PPPK_PW,
    ABK_C_SELISIH,
    ABK_C_EJ,
    ABK_C_PJ,
    ABK_C_SEMENTARA,
    ABK_N_COLUMNS
};
/* The column names of contract section 4, "unit" to "sementara". */
extern const char *const abk_columns[ABK_N_COLUMNS];

/* Text of each column of 'w' (NULL where the value does not apply), into
 * 'text' (ABK_N_COLUMNS x 32 bytes); 'fixed' writes three decimals. */
void abk_row_texts(const struct settings *s, const struct abk_row *w,
                   const char *out[ABK_N_COLUMNS], char text[][32], bool fixed);
/* At most this many CSV fields: the columns and two names. */
#define ABK_N_FIELDS (ABK_N_COLUMNS + 2)
/* The CSV header into 'names': the columns of the JSON rows, without
 * "jabatan" when the rows are 'groups', and with 'with_names' a
 * "nama_unit" after "unit" and a "nama_jabatan" after "jabatan", for
 * people who read the file; returns how many. */
int abk_header_fields(bool groups, bool with_names,
                      const char *names[ABK_N_FIELDS]);
/* The CSV fields of row 'w' (a group has no "jabatan") into 'fields',
 * their texts in 'text' (as abk_row_texts()); the unit's and jabatan's
 * names beside their codes from 'nb' (none when 'nb' is NULL); returns
 * how many. 'decimal_comma' writes "1,5" for 1.5, as a spreadsheet set to
 * Indonesian reads it. */
int abk_row_fields(const struct settings *s, const struct abk_row *w,
                   const struct namebook *nb, const char *fields[ABK_N_FIELDS],
                   char text[][32], bool decimal_comma);
/* Set the keys of row 'w' in 'o' (a group row has no "jabatan"). */
void abk_row_json(const struct settings *s, const struct abk_row *w,
                  struct json_obj *o);
/* Call 'fn' for each row of 'a' by 'by', within the subtree of unit
 * 'root' (an index; -1 for all), in code order. */
MUST_USE enum err abk_rows_each(const struct analysis *a, enum abk_by by,
                                long root,
                                enum err (*fn)(void *, const struct abk_row *),
                                void *ctx);
/* The rows as CSV for a spreadsheet program set to Indonesian: a UTF-8
 * byte-order mark, ';' between fields and ',' as the decimal separator,
 * the header of abk_header_fields() with the names of 'nb' (none when
 * NULL); appended to 'out'. */
MUST_USE enum err abk_rows_csv(const struct analysis *a, enum abk_by by,
                               long root, const struct namebook *nb,
                               struct buf *out);
/* The document {"as_of", "wke_menit", "rows"} into a new '*out'. */
MUST_USE enum err abk_rows_doc(const struct analysis *a, int32_t day,
                               enum abk_by by, long root,
                               struct json_obj **out);

#endif
