/* SPDX-License-Identifier: MIT */
/* cli_solve: 'mutasi solve-mcf [--solver ns|cs|auto] FILE' solves a
 * DIMACS min-cost flow with the planner's own solvers (cli layer;
 * contract section 2): "cost N" and exit 0, or "infeasible" and exit 65.
 * auto (the default) takes cost scaling from MCF_AUTO_MIN_ARCS arcs on
 * (mcf.h), the network simplex below. */
#include "cli_solve.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli_util.h"
#include "diag.h"
#include "dimacs.h"
#include "mcf.h"

static enum err
read_all(const char *path, struct buf *out)
{
    char chunk[65536];
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        cli_error(L_("%s: tidak dapat dibuka: %s", "%s: cannot be opened: %s"),
                  path, strerror(errno));
        return ERR_NOINPUT;
    }
    size_t n = 0;
    enum err rc = ERR_OK;
    while (rc == ERR_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = buf_add(out, chunk, n);
    }
    if (rc == ERR_OK && ferror(f)) {
        cli_error(L_("%s: gagal membaca", "%s: read failed"), path);
        rc = ERR_IO;
    }
    if (f != stdin) {
        fclose(f);
    }
    return rc;
}

/* The method named 'name' into '*out'; false if there is none. */
static bool
parse_solver(const char *name, enum mcf_solver *out)
{
    static const struct {
        const char *name;
        enum mcf_solver solver;
    } table[] = {{"ns", MCF_SOLVER_NS},
                 {"cs", MCF_SOLVER_CS},
                 {"auto", MCF_SOLVER_AUTO}};
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (strcmp(name, table[i].name) == 0) {
            *out = table[i].solver;
            return true;
        }
    }
    return false;
}

int
cli_solve_run(const struct cli *c, int argc, char **argv)
{
    struct buf text;
    struct diag d;
    struct mcf *m = NULL;
    enum mcf_status status = MCF_INFEASIBLE;
    int64_t cost = 0;
    enum mcf_solver solver = MCF_SOLVER_AUTO;
    (void)c;
    if (argc == 4 && strcmp(argv[1], "--solver") == 0) {
        if (!parse_solver(argv[2], &solver)) {
            return cli_usage(
                "solve-mcf", "%s",
                L_("--solver: ns, cs atau auto", "--solver: ns, cs or auto"));
        }
        argv += 2;
        argc -= 2;
    }
    if (argc != 2) {
        return cli_usage(
            "solve-mcf", "%s",
            L_("sebutkan satu berkas DIMACS", "name one DIMACS file"));
    }
    buf_init(&text, 0);
    diag_init(&d, DIAG_MAX_DEFAULT);
    enum err rc = read_all(argv[1], &text);
    if (rc == ERR_OK) {
        rc = dimacs_parse(buf_str(&text), text.len, argv[1], &d, &m);
        cli_print_diag(&d);
    }
    if (rc == ERR_OK) {
        mcf_set_solver(m, solver);
        rc = mcf_solve(m, &status, &cost);
        if (rc == ERR_TOOBIG) {
            cli_error("%s", L_("angka terlalu besar untuk 64 bit",
                               "numbers too large for 64 bits"));
        }
    }
    if (rc == ERR_OK && status == MCF_INFEASIBLE) {
        printf("infeasible\n");
        rc = ERR_INVAL;
    } else if (rc == ERR_OK) {
        printf("cost %lld\n", (long long)cost);
    }
    mcf_destroy(m);
    diag_cleanup(&d);
    buf_cleanup(&text);
    return cli_exit(rc);
}
