/* SPDX-License-Identifier: MIT */
/* cli_backup: 'mutasi backup FILE' and 'mutasi restore FILE [--force]'
 * (cli layer). */
#ifndef MUTASI_CLI_BACKUP_H
#define MUTASI_CLI_BACKUP_H

struct cli;

/* Copy the database into a new file while it is in use; the exit code. */
int cli_backup_run(const struct cli *c, int argc, char **argv);
/* Replace the database by a checked backup; the exit code. */
int cli_restore_run(const struct cli *c, int argc, char **argv);

#endif
