/* SPDX-License-Identifier: MIT */
/* cli_sk: 'mutasi sk PLAN [--nip NIP] -o FILE.pdf' (cli layer). */
#ifndef MUTASI_CLI_SK_H
#define MUTASI_CLI_SK_H

struct cli;

/* Write the decree of a saved, approved plan; returns the exit code. */
int cli_sk_run(const struct cli *c, int argc, char **argv);

#endif
