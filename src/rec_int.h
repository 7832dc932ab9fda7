/* SPDX-License-Identifier: MIT */
/* rec_int: what rec.c (parsing) and rec_format.c (formatting) share,
 * private to the rec module: the column names, and the decimals that both
 * directions keep. */
#ifndef MUTASI_REC_INT_H
#define MUTASI_REC_INT_H

#include "rec.h"

#define REC_COORD_SCALE 7 /* Decimals kept of a latitude or longitude. */
#define REC_MILLI_SCALE 3 /* Decimals of volumes and standard times. */

/* The name of column 'col' of kind 'k', as in the header line. */
const char *rec_column_name(enum rec_kind k, int col);

#endif
