/* SPDX-License-Identifier: MIT */
/* cli_retirements: the 'retirements' command (cli layer). */
#ifndef MUTASI_CLI_RETIREMENTS_H
#define MUTASI_CLI_RETIREMENTS_H

struct cli;

/* Run 'mutasi retirements' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_retirements_run(const struct cli *c, int argc, char **argv);

#endif
