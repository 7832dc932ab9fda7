/* SPDX-License-Identifier: MIT */
/* libFuzzer target: arbitrary bytes through the DIMACS reader and, when
 * they parse into a small problem, the solver; checks that parsing never
 * crashes and that every message has the file's location. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "diag.h"
#include "dimacs.h"
#include "mcf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag d;
    struct mcf *m = NULL;
    diag_init(&d, DIAG_MAX_DEFAULT);
    enum err rc = dimacs_parse((const char *)data, size, "f.min", &d, &m);
    assert(rc == ERR_OK || rc == ERR_INVAL);
    assert(rc == ERR_OK || d.n_errors > 0);
    for (size_t i = 0; i < d.n_lines; i++) {
        assert(strncmp(d.lines[i], "f.min:", 6) == 0);
    }
    /* Solve only small problems: a short file may declare many nodes. */
    if (rc == ERR_OK && mcf_n_nodes(m) <= 10000) {
        enum mcf_status st = MCF_INFEASIBLE;
        int64_t cost = 0;
        rc = mcf_solve(m, &st, &cost);
        assert(rc == ERR_OK || rc == ERR_TOOBIG);
    }
    mcf_destroy(m);
    diag_cleanup(&d);
    return 0;
}
