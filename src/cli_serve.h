/* SPDX-License-Identifier: MIT */
/* cli_serve: 'mutasi serve' runs the web app and JSON API (cli layer). */
#ifndef MUTASI_CLI_SERVE_H
#define MUTASI_CLI_SERVE_H

struct cli;

/* Run 'mutasi serve [--listen ADDR:PORT] [--threads N] [--secure-cookie]'
 * until SIGINT or SIGTERM; returns the exit code. */
int cli_serve_run(const struct cli *c, int argc, char **argv);

#endif
