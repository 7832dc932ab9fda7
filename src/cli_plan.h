/* SPDX-License-Identifier: MIT */
/* cli_plan: the 'plan' and 'explain' commands (cli layer). */
#ifndef MUTASI_CLI_PLAN_H
#define MUTASI_CLI_PLAN_H

#include <stdio.h>

#include "cli_util.h"

struct store;

/* 'mutasi plan [...]', 'plan list', 'plan show NAME'; returns the exit
 * code. */
int cli_plan_run(const struct cli *c, int argc, char **argv);
/* 'mutasi explain PLAN NIP [--format text|json]'. */
int cli_explain_run(const struct cli *c, int argc, char **argv);
/* Write the moves of saved plan 'name' as CSV or JSON ({"rows": [...]})
 * to 'f' (for 'export plan:NAME'). ERR_NOTFOUND when there is no such
 * plan (reported). */
MUST_USE enum err cli_plan_export(struct store *st, const char *name,
                                  enum cli_format format, FILE *f);

/* Write the moves of saved plan 'name' as XLSX to 'f' (for 'export
 * plan:NAME --format xlsx'); ERR_NOTFOUND when there is none (reported). */
MUST_USE enum err cli_plan_export_xlsx(struct store *st, const char *name,
                                       FILE *f);

#endif
