/* SPDX-License-Identifier: MIT */
/* dimacs: reads the DIMACS minimum-cost-flow format (io layer; contract
 * section 6) into an mcf problem. Lines: "c ..." comments, one
 * "p min NODES ARCS", "n ID SUPPLY", "a TAIL HEAD LOW CAP COST"; node ids
 * 1..NODES; integers. */
#ifndef MUTASI_DIMACS_H
#define MUTASI_DIMACS_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct mcf;
struct diag;

/* Parse the 'len' bytes of 'text' (named 'file' in messages) into a new
 * '*out'. Problems go to 'd' (required) as FILE:LINE:COLUMN; ERR_INVAL
 * then. */
MUST_USE enum err dimacs_parse(const char *text, size_t len, const char *file,
                               struct diag *d, struct mcf **out);

#endif
