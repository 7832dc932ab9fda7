/* SPDX-License-Identifier: MIT */
/* cli: the command line (cli layer): reads the global options and runs
 * a command of the table. What the commands share is in cli_util.h. */
#ifndef MUTASI_CLI_H
#define MUTASI_CLI_H

/* Run mutasi with the process's arguments; returns the exit code. */
int cli_main(int argc, char **argv);

#endif
