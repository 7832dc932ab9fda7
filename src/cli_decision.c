/* SPDX-License-Identifier: MIT */
/* cli_decision: a plan's way to a decision from the shell (cli layer):
 * 'plan publish|consider|approve|return', over the same service as the
 * API (decision.h). The shell acts as "cli:$USER" in the role each step
 * needs; one login never both considers and decides a plan. */
#include "cli_decision.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "cli_util.h"
#include "csv.h"
#include "date.h"
#include "decision.h"
#include "diag.h"
#include "mem.h"
#include "minutes.h"
#include "sk.h"
#include "store.h"
#include "tenang.h"

/* Print what a refused step says, with the moves concerned. */
static void
say_outcome(const char *name, enum err rc, const struct decision_outcome *o)
{
    if (rc == ERR_NOTFOUND && o->why[0] == '\0') {
        cli_error(L_("rencana '%s' tidak ada", "plan '%s' does not exist"),
                  name);
        return;
    }
    cli_error("%s", o->why[0] ? o->why : err_str(rc));
    for (size_t i = 0; i < o->n_nips; i++) {
        fprintf(stderr, "  NIP %s\n", o->nips[i]);
    }
}

/* The database of a plan step, and its outcome cleared. */
static enum err
open_step(const struct cli *c, struct store **st, struct decision_outcome *o)
{
    memset(o, 0, sizeof(*o));
    return cli_store_open(c, false, st);
}

static int
finish(const struct cli *c, struct store *st, const char *name, enum err rc,
       struct decision_outcome *o)
{
    if (rc != ERR_OK && rc != ERR_DB && rc != ERR_UNAVAILABLE) {
        say_outcome(name, rc, o);
    } else if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
    decision_outcome_cleanup(o);
    store_close(st);
    /* A conflict of state is bad input for the shell. */
    return cli_exit(rc == ERR_CONFLICT || rc == ERR_DENIED ? ERR_INVAL : rc);
}

/* The shape of 'plan STEP NAME [--KEY VALUE]': one option. */
struct one_opt {
    const char *cmd; /* "plan publish". */
    const char *key; /* The long option. */
    int short_opt;   /* Its short form, or 0. */
    bool required;
    const char *use_id; /* The usage line, Bahasa Indonesia. */
    const char *use_en; /* The usage line, English. */
};

/* Parse 'argv' (argv[0] the step) as 'o' says: '*value' gets the
 * option's value (NULL when absent). 0, or the exit code of a usage
 * error. */
static int
parse_one(const struct one_opt *o, int argc, char **argv, const char **value)
{
    const struct option opts[] = {{o->key, required_argument, NULL, 'v'},
                                  {NULL, 0, NULL, 0}};
    const char *shorts = o->short_opt == 'o' ? "o:" : "";
    int ch = 0;
    *value = NULL;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, shorts, opts, NULL)) != -1) {
        if (ch != 'v' && ch != o->short_opt) {
            return cli_usage(o->cmd,
                             L_("opsi tidak sah: '%s'", "invalid option: '%s'"),
                             argv[optind - 1]);
        }
        *value = optarg;
    }
    if (argc - optind != 1 || (o->required && *value == NULL)) {
        return cli_usage(o->cmd, "%s", L_(o->use_id, o->use_en));
    }
    return 0;
}

static int
plan_publish(const struct cli *c, int argc, char **argv)
{
    static const struct one_opt spec = {
        "plan publish",
        "tenggat",
        0,
        false,
        "gunakan: plan publish NAMA [--tenggat TANGGAL]",
        "use: plan publish NAME [--tenggat DATE]"};
    const char *day = NULL;
    int32_t due = DATE_NONE;
    int code = parse_one(&spec, argc, argv, &day);
    if (code != 0) {
        return code;
    }
    if (day != NULL && date_parse(day, strlen(day), &due) != ERR_OK) {
        return cli_usage("plan publish",
                         L_("tanggal tidak sah: '%s'", "invalid date: '%s'"),
                         day);
    }
    struct store *st = NULL;
    struct decision_outcome o;
    enum err rc = open_step(c, &st, &o);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    struct decision_actor a = {c->actor, AUTH_BKPSDM, NULL, NULL};
    rc = decision_publish(st, &a, argv[optind], due, &o);
    if (rc == ERR_OK) {
        printf(L_("%s diterbitkan\n", "%s published\n"), argv[optind]);
    }
    return finish(c, st, argv[optind], rc, &o);
}

/* The rows of a consider file: nip*, keputusan*, catatan, tanggapan. */
struct consider_file {
    const char *file;
    int col[4]; /* Field index of each column, -1 when absent. */
    struct decision_item *items;
    char **texts; /* Owned copies behind 'items'. */
    size_t n_items;
    size_t n_texts;
    struct diag *d;
};

static const char *const consider_cols[] = {"nip", "keputusan", "catatan",
                                            "tanggapan"};

static const char *
keep_text(struct consider_file *f, const char *s)
{
    f->texts = xrealloc(f->texts, (f->n_texts + 1) * sizeof(*f->texts));
    f->texts[f->n_texts] = xstrdup(s);
    return f->texts[f->n_texts++];
}

static enum err
consider_header(struct consider_file *f, const struct csv_row *r)
{
    for (int k = 0; k < 4; k++) {
        f->col[k] = -1;
    }
    for (int i = 0; i < r->n_fields; i++) {
        int k = 0;
        while (k < 4 && strcmp(r->fields[i], consider_cols[k]) != 0) {
            k++;
        }
        if (k == 4 || f->col[k] >= 0) {
            diag_add(f->d, f->file, r->line, i + 1,
                     L_("kolom '%s' tidak dikenal atau berulang",
                        "unknown or repeated column '%s'"),
                     r->fields[i]);
            return ERR_INVAL;
        }
        f->col[k] = i;
    }
    if (f->col[0] < 0 || f->col[1] < 0) {
        diag_add(f->d, f->file, r->line, 1, "%s",
                 L_("kolom wajib: nip, keputusan",
                    "required columns: nip, keputusan"));
        return ERR_INVAL;
    }
    return ERR_OK;
}

static enum err
consider_row(void *ctx, const struct csv_row *r)
{
    struct consider_file *f = ctx;
    if (r->line == 1) {
        return consider_header(f, r);
    }
    const char *v[4] = {NULL, NULL, NULL, NULL};
    for (int k = 0; k < 4; k++) {
        if (f->col[k] >= r->n_fields) {
            diag_add(f->d, f->file, r->line, r->n_fields, "%s",
                     L_("jumlah kolom kurang", "too few fields"));
            return ERR_INVAL;
        }
        v[k] = f->col[k] >= 0 && r->fields[f->col[k]][0] != '\0'
                   ? keep_text(f, r->fields[f->col[k]])
                   : NULL;
    }
    if (v[1] == NULL ||
        (strcmp(v[1], "setuju") != 0 && strcmp(v[1], "tolak") != 0)) {
        diag_add(f->d, f->file, r->line, f->col[1] + 1, "%s",
                 L_("keputusan harus setuju atau tolak",
                    "keputusan must be setuju or tolak"));
        return ERR_INVAL;
    }
    f->items = xrealloc(f->items, (f->n_items + 1) * sizeof(*f->items));
    f->items[f->n_items++] = (struct decision_item){v[0], v[1], v[2], v[3]};
    return ERR_OK;
}

static void
consider_file_cleanup(struct consider_file *f)
{
    for (size_t i = 0; i < f->n_texts; i++) {
        free(f->texts[i]);
    }
    free(f->texts);
    free(f->items);
}

static enum err
read_consider(const char *path, struct consider_file *f)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        cli_error(L_("%s: tidak dapat dibaca", "%s: cannot be read"), path);
        return ERR_NOINPUT;
    }
    enum err rc = csv_read_file(in, path, consider_row, f, f->d);
    fclose(in);
    for (size_t i = 0; i < f->d->n_lines; i++) {
        fprintf(stderr, "%s\n", f->d->lines[i]);
    }
    return rc;
}

static int
plan_consider(const struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {{"file", required_argument, NULL, 'f'},
                                         {"close", no_argument, NULL, 'c'},
                                         {"ikutkan", no_argument, NULL, 'i'},
                                         {NULL, 0, NULL, 0}};
    const char *file = NULL;
    bool close = false;
    bool follow = false;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'f') {
            file = optarg;
        } else if (ch == 'c' || ch == 'i') {
            *(ch == 'c' ? &close : &follow) = true;
        } else {
            return cli_usage("plan consider",
                             L_("opsi tidak sah: '%s'", "invalid option: '%s'"),
                             argv[optind - 1]);
        }
    }
    if (argc - optind != 1 || (file == NULL && !close)) {
        return cli_usage("plan consider", "%s",
                         L_("gunakan: plan consider NAMA --file BERKAS.csv "
                            "[--close] [--ikutkan]",
                            "use: plan consider NAME --file FILE.csv "
                            "[--close] [--ikutkan]"));
    }
    struct diag dg;
    diag_init(&dg, DIAG_MAX_DEFAULT);
    struct consider_file f = {file, {-1, -1, -1, -1}, NULL, NULL, 0, 0, &dg};
    enum err rc = file ? read_consider(file, &f) : ERR_OK;
    struct store *st = NULL;
    struct decision_outcome o;
    memset(&o, 0, sizeof(o));
    if (rc == ERR_OK) {
        rc = open_step(c, &st, &o);
    }
    if (rc == ERR_OK) {
        struct decision_actor a = {c->actor, AUTH_TPK, NULL, NULL};
        rc = decision_consider(st, &a, argv[optind], f.items, f.n_items, close,
                               follow, &o);
        if (rc == ERR_OK) {
            printf(L_("%s: %zu keputusan TPK dicatat%s%s\n",
                      "%s: %zu TPK decisions recorded%s%s\n"),
                   argv[optind], f.n_items,
                   close ? L_("; sidang ditutup, berita acara ",
                              "; session closed, minutes ")
                         : "",
                   close ? o.ba_nomor : "");
        }
    }
    consider_file_cleanup(&f);
    diag_cleanup(&dg);
    if (st == NULL) {
        return cli_exit(rc);
    }
    return finish(c, st, argv[optind], rc, &o);
}

/* '--strike NIP=REASON' into 's'. */
static bool
parse_strike(char *arg, struct decision_strike *s)
{
    char *eq = strchr(arg, '=');
    if (eq == NULL || eq == arg || eq[1] == '\0') {
        return false;
    }
    *eq = '\0';
    *s = (struct decision_strike){arg, eq + 1};
    return true;
}

/* The Minister's approval of 'plan approve' (--izin-*), as given. */
struct izin_opts {
    const char *nomor;
    int32_t tanggal;
    const char *file;
};

/* The bytes of file 'path' into 'out' (capped by 'out'). */
static enum err
read_file(const char *path, struct buf *out)
{
    FILE *f = fopen(path, "rb");
    char chunk[4096];
    size_t n = 0;
    enum err rc = f != NULL ? ERR_OK : ERR_NOINPUT;
    while (rc == ERR_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = buf_add(out, chunk, n);
    }
    if (f != NULL && ferror(f)) {
        rc = ERR_IO;
    }
    if (f != NULL) {
        fclose(f);
    }
    return rc;
}

/* Read the approval's PDF into '*z' ('pdf' owns it). ERR_OK and no
 * approval when none of the options was given; ERR_USAGE when only some
 * were; the file's error otherwise (printed). */
static enum err
izin_load(const struct izin_opts *o, struct tenang_izin *z, struct buf *pdf,
          bool *given)
{
    *given = o->nomor != NULL || o->tanggal != DATE_NONE || o->file != NULL;
    if (!*given) {
        return ERR_OK;
    }
    if (o->nomor == NULL || o->tanggal == DATE_NONE || o->file == NULL) {
        return ERR_USAGE;
    }
    enum err rc = read_file(o->file, pdf);
    if (rc != ERR_OK) {
        cli_error("%s: %s", o->file,
                  rc == ERR_TOOBIG
                      ? L_("berkas terlalu besar", "file too large")
                      : L_("tidak dapat dibaca", "cannot be read"));
        return rc;
    }
    *z = (struct tenang_izin){o->nomor, o->tanggal, pdf->data, pdf->len};
    return ERR_OK;
}

static int
plan_approve(const struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"tmt", required_argument, NULL, 't'},
        {"strike", required_argument, NULL, 's'},
        {"ikutkan", no_argument, NULL, 'i'},
        {"izin-mendagri", required_argument, NULL, 'm'},
        {"izin-tanggal", required_argument, NULL, 'd'},
        {"izin-file", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0}};
    int32_t tmt = DATE_NONE;
    bool follow = false;
    struct izin_opts io = {NULL, DATE_NONE, NULL};
    struct decision_strike *strikes =
        xcalloc((size_t)argc + 1, sizeof(*strikes));
    size_t n = 0;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        io.nomor = ch == 'm' ? optarg : io.nomor;
        io.file = ch == 'f' ? optarg : io.file;
        bool ok =
            (ch == 't' && date_parse(optarg, strlen(optarg), &tmt) == ERR_OK) ||
            (ch == 'd' &&
             date_parse(optarg, strlen(optarg), &io.tanggal) == ERR_OK) ||
            (ch == 's' && parse_strike(optarg, &strikes[n])) || ch == 'i' ||
            ch == 'm' || ch == 'f';
        n += ch == 's' && ok;
        follow = follow || ch == 'i';
        if (!ok) {
            free(strikes);
            return cli_usage("plan approve",
                             L_("opsi atau nilai tidak sah: '%s'",
                                "invalid option or value: '%s'"),
                             argv[optind - 1]);
        }
    }
    struct tenang_izin z;
    struct buf pdf;
    bool given = false;
    buf_init(&pdf, (size_t)5 << 20); /* As a document upload. */
    enum err rc = izin_load(&io, &z, &pdf, &given);
    if (argc - optind != 1 || tmt == DATE_NONE || rc == ERR_USAGE) {
        free(strikes);
        buf_cleanup(&pdf);
        return cli_usage("plan approve", "%s",
                         L_("gunakan: plan approve NAMA --tmt YYYY-MM-01 "
                            "[--strike NIP=ALASAN]... [--ikutkan] "
                            "[--izin-mendagri NOMOR --izin-tanggal "
                            "YYYY-MM-DD --izin-file BERKAS.pdf]",
                            "use: plan approve NAME --tmt YYYY-MM-01 "
                            "[--strike NIP=REASON]... [--ikutkan] "
                            "[--izin-mendagri NUMBER --izin-tanggal "
                            "YYYY-MM-DD --izin-file FILE.pdf]"));
    }
    struct store *st = NULL;
    struct decision_outcome o;
    rc = rc == ERR_OK ? open_step(c, &st, &o) : rc;
    if (rc != ERR_OK) {
        free(strikes);
        buf_cleanup(&pdf);
        return cli_exit(rc);
    }
    struct decision_actor a = {c->actor, AUTH_PPK, NULL, NULL};
    struct decision_approval in = {tmt, strikes, n, follow, given ? &z : NULL};
    rc = decision_approve_with(st, &a, argv[optind], &in, &o);
    buf_cleanup(&pdf);
    if (rc == ERR_OK) {
        printf(L_("%s ditetapkan; SK nomor %s\n", "%s decided; decree %s\n"),
               argv[optind], o.sk_nomor);
        if (o.teacher_off_semester) {
            printf("%s\n", L_("peringatan: TMT mutasi guru sebaiknya awal "
                              "semester (1 Januari atau 1 Juli)",
                              "warning: teachers should move at the start "
                              "of a semester (1 January or 1 July)"));
        }
    }
    free(strikes);
    return finish(c, st, argv[optind], rc, &o);
}

static int
plan_return(const struct cli *c, int argc, char **argv)
{
    static const struct one_opt spec = {
        "plan return",
        "note",
        0,
        true,
        "gunakan: plan return NAMA --note CATATAN",
        "use: plan return NAME --note TEXT"};
    const char *note = NULL;
    int code = parse_one(&spec, argc, argv, &note);
    if (code != 0) {
        return code;
    }
    struct store *st = NULL;
    struct decision_outcome o;
    enum err rc = open_step(c, &st, &o);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    struct decision_actor a = {c->actor, AUTH_PPK, NULL, NULL};
    rc = decision_return(st, &a, argv[optind], note, &o);
    if (rc == ERR_OK) {
        printf(L_("%s dikembalikan kepada BKPSDM\n", "%s returned to BKPSDM\n"),
               argv[optind]);
    }
    return finish(c, st, argv[optind], rc, &o);
}

static int
plan_rerun(const struct cli *c, int argc, char **argv)
{
    static const struct one_opt spec = {
        "plan rerun",
        "save",
        0,
        true,
        "gunakan: plan rerun NAMA --save NAMA_BARU",
        "use: plan rerun NAME --save NEW_NAME"};
    const char *save = NULL;
    int code = parse_one(&spec, argc, argv, &save);
    if (code != 0) {
        return code;
    }
    struct store *st = NULL;
    struct decision_outcome o;
    enum err rc = open_step(c, &st, &o);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    struct decision_actor a = {c->actor, AUTH_BKPSDM, NULL, NULL};
    rc = decision_rerun(st, &a, argv[optind], save, &o);
    if (rc == ERR_OK) {
        printf(L_("%s dijalankan ulang sebagai %s; %s dikembalikan\n",
                  "%s run again as %s; %s returned\n"),
               argv[optind], save, argv[optind]);
    }
    return finish(c, st, argv[optind], rc, &o);
}

static int
plan_minutes(const struct cli *c, int argc, char **argv)
{
    static const struct one_opt spec = {
        "plan minutes",
        "output",
        'o',
        true,
        "gunakan: plan minutes NAMA -o BERKAS.pdf",
        "use: plan minutes NAME -o FILE.pdf"};
    const char *path = NULL;
    int code = parse_one(&spec, argc, argv, &path);
    if (code != 0) {
        return code;
    }
    struct store *st = NULL;
    struct cli_out out;
    struct decision_outcome o;
    enum err rc = open_step(c, &st, &o);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    rc = cli_out_open(&out, path);
    if (rc == ERR_OK) {
        struct sk_ask ask = {argv[optind], NULL, c->actor};
        rc = minutes_write(st, &ask, out.f, o.why, sizeof(o.why));
        enum err rc2 = cli_out_close(&out, rc == ERR_OK);
        rc = rc == ERR_OK ? rc2 : rc;
    }
    return finish(c, st, argv[optind], rc, &o);
}

int
cli_decision_run(const struct cli *c, const char *step, int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(const struct cli *, int, char **);
    } steps[] = {{"publish", plan_publish}, {"consider", plan_consider},
                 {"approve", plan_approve}, {"return", plan_return},
                 {"minutes", plan_minutes}, {"rerun", plan_rerun}};
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        if (strcmp(step, steps[i].name) == 0) {
            return steps[i].run(c, argc, argv);
        }
    }
    return -1;
}
