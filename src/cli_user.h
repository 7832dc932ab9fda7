/* SPDX-License-Identifier: MIT */
/* cli_user: 'mutasi user add|passwd|disable|enable|list' (cli layer). */
#ifndef MUTASI_CLI_USER_H
#define MUTASI_CLI_USER_H

struct cli;

/* Run 'mutasi user ...'; returns the exit code. */
int cli_user_run(const struct cli *c, int argc, char **argv);

#endif
