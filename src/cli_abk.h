/* SPDX-License-Identifier: MIT */
/* cli_abk: the 'abk' command and the 'abk' export (cli layer). */
#ifndef MUTASI_CLI_ABK_H
#define MUTASI_CLI_ABK_H

#include <stdint.h>
#include <stdio.h>

#include "cli_util.h"
#include "err.h"

struct store;

/* Run 'mutasi abk' with the command's own arguments; returns the exit
 * code. */
int cli_abk_run(const struct cli *c, int argc, char **argv);
/* Write the analysis by jabatan of 'st' as of 'day' to 'f' in 'format'
 * (export abk). ERR_DB and the like from the store; ERR_IO. */
MUST_USE enum err cli_abk_export(struct store *st, int32_t day,
                                 enum cli_format format, FILE *f);

#endif
