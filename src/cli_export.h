/* SPDX-License-Identifier: MIT */
/* cli_export: the 'export' command (cli layer). */
#ifndef MUTASI_CLI_EXPORT_H
#define MUTASI_CLI_EXPORT_H

struct cli;

/* Run 'mutasi export' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_export_run(const struct cli *c, int argc, char **argv);

#endif
