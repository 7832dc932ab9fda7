/* SPDX-License-Identifier: MIT */
/* cli_projection: the 'projection' command (cli layer). */
#ifndef MUTASI_CLI_PROJECTION_H
#define MUTASI_CLI_PROJECTION_H

struct cli;

/* Run 'mutasi projection' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_projection_run(const struct cli *c, int argc, char **argv);

#endif
