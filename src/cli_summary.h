/* SPDX-License-Identifier: MIT */
/* cli_summary: the 'summary' command (cli layer). */
#ifndef MUTASI_CLI_SUMMARY_H
#define MUTASI_CLI_SUMMARY_H

struct cli;

/* Run 'mutasi summary' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_summary_run(const struct cli *c, int argc, char **argv);

#endif
