/* SPDX-License-Identifier: MIT */
/* cli_init: the 'init' command (cli layer). */
#ifndef MUTASI_CLI_INIT_H
#define MUTASI_CLI_INIT_H

struct cli;

/* Run 'mutasi init' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_init_run(const struct cli *c, int argc, char **argv);

#endif
