/* SPDX-License-Identifier: MIT */
/* cli_settings: the 'settings' command (cli layer). */
#ifndef MUTASI_CLI_SETTINGS_H
#define MUTASI_CLI_SETTINGS_H

struct cli;

/* Run 'mutasi settings' with the command's own arguments ('argv[0]' is the
 * command name); returns the exit code. */
int cli_settings_run(const struct cli *c, int argc, char **argv);

#endif
