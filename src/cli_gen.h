/* SPDX-License-Identifier: MIT */
/* cli_gen: the 'gen' command (cli layer). */
#ifndef MUTASI_CLI_GEN_H
#define MUTASI_CLI_GEN_H

struct cli;

/* Run 'mutasi gen' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_gen_run(const struct cli *c, int argc, char **argv);

#endif
