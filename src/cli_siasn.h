/* SPDX-License-Identifier: MIT */
/* cli_siasn: 'mutasi siasn id|ids|pull|push' (cli layer): SIASN's ids set
 * by hand and listed, and the optional client of SIASN's web API. */
#ifndef MUTASI_CLI_SIASN_H
#define MUTASI_CLI_SIASN_H

struct cli;

/* Run 'siasn SUBCOMMAND ...'; returns the exit code. */
int cli_siasn_run(const struct cli *c, int argc, char **argv);

#endif
