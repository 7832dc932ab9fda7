/* SPDX-License-Identifier: MIT */
/* cli_summary: 'mutasi summary', staff per OPD (cli layer). An OPD group
 * is as in contract section 4 (tree.h). */
#include "cli_summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "diag.h"
#include "mem.h"
#include "model.h"
#include "store.h"
#include "tree.h"

struct group {
    long n_units;
    long n_pns;
    long n_pppk;
    long n_cpns;
    long n_permohonan;
    long n_pppk_pw;
};

struct summary {
    struct tree *tree;
    struct group *groups; /* Indexed by the group's unit index. */
};

static enum err
add_unit(void *ctx, const struct unit *u)
{
    tree_add(ctx, u);
    return ERR_OK;
}

static enum err
add_count(void *ctx, const struct store_unit_count *c)
{
    struct summary *s = ctx;
    long i = tree_find(s->tree, c->unit);
    if (i < 0) {
        return ERR_INTERNAL; /* Foreign keys make this impossible. */
    }
    struct group *g = &s->groups[tree_opd(s->tree, (size_t)i)];
    g->n_pns += c->n_pns;
    g->n_pppk += c->n_pppk;
    g->n_cpns += c->n_cpns;
    g->n_permohonan += c->n_permohonan;
    g->n_pppk_pw += c->n_pppk_pw;
    return ERR_OK;
}

/* One printed line: a group, with what it sorts by. */
struct line {
    const char *root_kode;
    int rank; /* 0 for the government itself, 1 for its OPD. */
    const char *kode;
    size_t idx;
};

static int
by_root_then_code(const void *a, const void *b)
{
    const struct line *x = a;
    const struct line *y = b;
    int c = strcmp(x->root_kode, y->root_kode);
    if (c == 0) {
        c = x->rank - y->rank;
    }
    return c != 0 ? c : strcmp(x->kode, y->kode);
}

/* The groups that have units, sorted: each government, then its OPD. */
static struct line *
group_lines(const struct summary *s, size_t *n_out)
{
    size_t n_units = tree_count(s->tree);
    struct line *lines = xcalloc(n_units + 1, sizeof(*lines));
    size_t n = 0;
    for (size_t i = 0; i < n_units; i++) {
        if (s->groups[i].n_units == 0) {
            continue;
        }
        size_t r = tree_root(s->tree, i);
        lines[n].root_kode = tree_unit(s->tree, r)->kode;
        lines[n].rank = r == i ? 0 : 1;
        lines[n].kode = tree_unit(s->tree, i)->kode;
        lines[n].idx = i;
        n++;
    }
    qsort(lines, n, sizeof(*lines), by_root_then_code);
    *n_out = n;
    return lines;
}

static void
print_table(const struct summary *s)
{
    size_t n = 0;
    struct line *lines = group_lines(s, &n);
    struct group total = {0, 0, 0, 0, 0, 0};
    printf("%-24s %-48s %6s %6s %6s %6s %7s %11s %8s\n", "OPD",
           L_("Nama", "Name"), L_("Unit", "Units"), "PNS", "PPPK", "CPNS",
           L_("Jumlah", "Total"), L_("Permohonan", "Requests"),
           L_("PPPK-PW", "PPPK-PT"));
    for (size_t i = 0; i < n; i++) {
        const struct group *g = &s->groups[lines[i].idx];
        const struct unit *u = tree_unit(s->tree, lines[i].idx);
        cli_cell(stdout, u->kode, 24);
        cli_cell(stdout, u->nama, 48);
        printf("%6ld %6ld %6ld %6ld %7ld %11ld %8ld\n", g->n_units, g->n_pns,
               g->n_pppk, g->n_cpns, g->n_pns + g->n_pppk + g->n_cpns,
               g->n_permohonan, g->n_pppk_pw);
        total.n_units += g->n_units;
        total.n_pns += g->n_pns;
        total.n_pppk += g->n_pppk;
        total.n_cpns += g->n_cpns;
        total.n_permohonan += g->n_permohonan;
        total.n_pppk_pw += g->n_pppk_pw;
    }
    printf("%-24s %-48s %6ld %6ld %6ld %6ld %7ld %11ld %8ld\n",
           L_("JUMLAH", "TOTAL"), "", total.n_units, total.n_pns, total.n_pppk,
           total.n_cpns, total.n_pns + total.n_pppk + total.n_cpns,
           total.n_permohonan, total.n_pppk_pw);
    free(lines);
}

static enum err
summarize(struct store *st, struct summary *s)
{
    enum err rc = store_unit_each(st, add_unit, s->tree);
    if (rc == ERR_OK && tree_finish(s->tree) != ERR_OK) {
        rc = ERR_INTERNAL;
    }
    if (rc != ERR_OK) {
        return rc;
    }
    s->groups = xcalloc(tree_count(s->tree) + 1, sizeof(*s->groups));
    for (size_t i = 0; i < tree_count(s->tree); i++) {
        s->groups[tree_opd(s->tree, i)].n_units++;
    }
    rc = store_unit_count_each(st, add_count, s);
    if (rc == ERR_OK) {
        print_table(s);
    }
    return rc;
}

int
cli_summary_run(const struct cli *c, int argc, char **argv)
{
    struct store *st = NULL;
    struct summary s = {NULL, NULL};
    (void)argv;
    if (argc > 1) {
        return cli_usage("summary", "%s",
                         L_("tidak menerima argumen", "takes no arguments"));
    }
    enum err rc = cli_store_open(c, false, &st);
    if (rc == ERR_OK) {
        s.tree = tree_create();
        rc = summarize(st, &s);
        if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
    }
    tree_destroy(s.tree);
    free(s.groups);
    store_close(st);
    return cli_exit(rc);
}
