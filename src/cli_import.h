/* SPDX-License-Identifier: MIT */
/* cli_import: the 'import' command (cli layer). */
#ifndef MUTASI_CLI_IMPORT_H
#define MUTASI_CLI_IMPORT_H

struct cli;

/* Run 'mutasi import' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_import_run(const struct cli *c, int argc, char **argv);

#endif
