/* SPDX-License-Identifier: MIT */
/* cli_demo: the 'demo' command (cli layer). */
#ifndef MUTASI_CLI_DEMO_H
#define MUTASI_CLI_DEMO_H

struct cli;

/* Run 'mutasi demo' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_demo_run(const struct cli *c, int argc, char **argv);

#endif
