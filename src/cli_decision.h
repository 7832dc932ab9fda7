/* SPDX-License-Identifier: MIT */
/* cli_decision: 'plan publish|consider|approve|return' (cli layer). */
#ifndef MUTASI_CLI_DECISION_H
#define MUTASI_CLI_DECISION_H

struct cli;

/* Run plan step 'step' ("publish", "consider", "approve", "return") with
 * 'argc'/'argv' (argv[0] the step); the exit code, or -1 when 'step' is
 * none of them. */
int cli_decision_run(const struct cli *c, const char *step, int argc,
                     char **argv);

#endif
