/* SPDX-License-Identifier: MIT */
/* cli_solve: the 'solve-mcf' command (cli layer). */
#ifndef MUTASI_CLI_SOLVE_H
#define MUTASI_CLI_SOLVE_H

struct cli;

/* Run 'mutasi solve-mcf FILE'; returns the exit code. */
int cli_solve_run(const struct cli *c, int argc, char **argv);

#endif
