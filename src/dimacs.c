/* SPDX-License-Identifier: MIT */
/* dimacs: DIMACS min-cost flow reader (io layer). Strict: every line has
 * exactly its fields, numbers are whole and fit 64 bits, node ids are in
 * range, the problem line comes first and once, and the arc count
 * matches. */
#include "dimacs.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mcf.h"

#define MAX_FIELDS 6

struct line {
    const char *file;
    long no;
    struct diag *d;
    char *fields[MAX_FIELDS + 1];
    int n;
};

/* The field 's' as a plain decimal of at most 18 digits with an optional
 * sign (which cannot overflow) into '*out'; false for anything else, left
 * to strtoll(). Large files are nearly all such fields, and this skips
 * strtoll()'s locale and errno machinery for them. */
static bool
plain_number(const char *s, long long *out)
{
    bool neg = *s == '-';
    long long v = 0;
    int n = 0;
    s += *s == '-' || *s == '+';
    for (; n < 18 && *s >= '0' && *s <= '9'; s++, n++) {
        v = v * 10 + (*s - '0');
    }
    if (*s != '\0' || n == 0) {
        return false;
    }
    *out = neg ? -v : v;
    return true;
}

static bool
number(struct line *l, int i, int64_t lo, int64_t hi, int64_t *out)
{
    long long v = 0;
    bool ok = plain_number(l->fields[i], &v);
    if (!ok) {
        char *end = NULL;
        errno = 0;
        v = strtoll(l->fields[i], &end, 10);
        ok = errno == 0 && *end == '\0' && end != l->fields[i];
    }
    if (!ok || v < lo || v > hi) {
        diag_add(l->d, l->file, l->no, i + 1,
                 L_("'%s' bukan bilangan bulat yang sah di sini",
                    "'%s' is not a valid whole number here"),
                 l->fields[i]);
        return false;
    }
    *out = v;
    return true;
}

static void
split(char *s, struct line *l)
{
    l->n = 0;
    for (char *tok = s; *tok != '\0' && l->n <= MAX_FIELDS;) {
        while (*tok == ' ' || *tok == '\t' || *tok == '\r') {
            *tok++ = '\0';
        }
        if (*tok == '\0') {
            break;
        }
        l->fields[l->n++] = tok;
        while (*tok != '\0' && *tok != ' ' && *tok != '\t' && *tok != '\r') {
            tok++;
        }
    }
}

struct parse {
    struct mcf *m;
    int64_t n_nodes;
    int64_t n_arcs_declared;
    int64_t n_arcs;
};

static bool
fields_are(struct line *l, int want)
{
    if (l->n != want) {
        diag_add(l->d, l->file, l->no, l->n < want ? l->n + 1 : want + 1,
                 L_("baris '%s' harus punya %d isian, ada %d",
                    "a '%s' line must have %d fields, it has %d"),
                 l->fields[0], want, l->n);
        return false;
    }
    return true;
}

static void
problem_line(struct parse *p, struct line *l)
{
    int64_t n = 0;
    if (p->m != NULL) {
        diag_add(l->d, l->file, l->no, 1, "%s",
                 L_("baris 'p' kedua", "a second 'p' line"));
        return;
    }
    if (!fields_are(l, 4)) {
        return;
    }
    if (strcmp(l->fields[1], "min") != 0) {
        diag_add(l->d, l->file, l->no, 2, "%s",
                 L_("jenis masalah harus 'min'", "problem kind must be 'min'"));
        return;
    }
    /* 2^27 nodes: far beyond a nation's planning network, and a bound on
     * what a short file can make us allocate. */
    if (number(l, 2, 0, 1 << 27, &n) &&
        number(l, 3, 0, 0x7FFFFFFF, &p->n_arcs_declared)) {
        p->n_nodes = n;
        p->m = mcf_create((int)n);
    }
}

static bool
node_id(struct parse *p, struct line *l, int i, int *out)
{
    int64_t v = 0;
    if (!number(l, i, 1, p->n_nodes, &v)) {
        return false;
    }
    *out = (int)v - 1;
    return true;
}

static void
data_line(struct parse *p, struct line *l)
{
    int64_t v[3] = {0};
    int tail = 0;
    int head = 0;
    int arc = 0;
    if (p->m == NULL) {
        diag_add(l->d, l->file, l->no, 1, "%s",
                 L_("baris 'p min' harus datang lebih dulu",
                    "the 'p min' line must come first"));
        return;
    }
    if (l->fields[0][0] == 'n') {
        if (fields_are(l, 3) && node_id(p, l, 1, &tail) &&
            number(l, 2, INT64_MIN / 4, INT64_MAX / 4, &v[0])) {
            mcf_add_supply(p->m, tail, v[0]);
        }
        return;
    }
    if (!fields_are(l, 6) || !node_id(p, l, 1, &tail) ||
        !node_id(p, l, 2, &head) || !number(l, 3, 0, INT64_MAX / 4, &v[0]) ||
        !number(l, 4, 0, INT64_MAX / 4, &v[1]) ||
        !number(l, 5, -(1LL << 40), 1LL << 40, &v[2])) {
        return;
    }
    if (v[0] > v[1]) {
        diag_add(
            l->d, l->file, l->no, 4, "%s",
            L_("batas bawah melebihi kapasitas", "lower bound above capacity"));
        return;
    }
    if (mcf_add_arc(p->m, tail, head, v[0], v[1], v[2], &arc) != ERR_OK) {
        diag_add(l->d, l->file, l->no, 1, "%s",
                 L_("terlalu banyak busur", "too many arcs"));
        return;
    }
    p->n_arcs++;
}

static void
one_line(struct parse *p, struct line *l, char *s)
{
    split(s, l);
    if (l->n == 0 || strcmp(l->fields[0], "c") == 0 || l->fields[0][0] == 'c') {
        return; /* Blank or a comment. */
    }
    if (strcmp(l->fields[0], "p") == 0) {
        problem_line(p, l);
    } else if (strcmp(l->fields[0], "n") == 0 ||
               strcmp(l->fields[0], "a") == 0) {
        data_line(p, l);
    } else {
        diag_add(l->d, l->file, l->no, 1,
                 L_("baris tidak dikenal '%s' (c, p, n atau a)",
                    "unknown line '%s' (c, p, n or a)"),
                 l->fields[0]);
    }
}

enum err
dimacs_parse(const char *text, size_t len, const char *file, struct diag *d,
             struct mcf **out)
{
    struct parse p = {NULL, 0, 0, 0};
    struct line l = {file, 0, d, {NULL}, 0};
    size_t errors_before = d->n_errors;
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        abort();
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    for (char *s = copy; s != NULL && (size_t)(s - copy) <= len;) {
        size_t rest = (size_t)(copy + len - s);
        char *nl = memchr(s, '\n', rest);
        l.no++;
        if (memchr(s, '\0', nl ? (size_t)(nl - s) : rest) != NULL) {
            /* The rest of the text is not read past a NUL byte. */
            diag_add(d, file, l.no, 1, "%s",
                     L_("byte NUL di dalam baris", "NUL byte in a line"));
            break;
        }
        if (nl != NULL) {
            *nl = '\0';
        }
        one_line(&p, &l, s);
        s = nl ? nl + 1 : NULL;
        if (diag_over(d)) {
            break;
        }
    }
    free(copy);
    if (p.m == NULL && d->n_errors == errors_before) {
        diag_add(d, file, 0, 0, "%s",
                 L_("baris 'p min' tidak ada", "the 'p min' line is missing"));
    } else if (p.m != NULL && p.n_arcs != p.n_arcs_declared &&
               d->n_errors == errors_before) {
        diag_add(d, file, 0, 0,
                 L_("baris 'p' menyebut %lld busur, berkas berisi %lld",
                    "the 'p' line declares %lld arcs, the file has %lld"),
                 (long long)p.n_arcs_declared, (long long)p.n_arcs);
    }
    if (p.m == NULL || d->n_errors != errors_before) {
        mcf_destroy(p.m);
        return ERR_INVAL;
    }
    *out = p.m;
    return ERR_OK;
}
