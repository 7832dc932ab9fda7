/* SPDX-License-Identifier: MIT */
/* cli_retirements: 'mutasi retirements' lists who retires when (cli
 * layer; contract section 4): every employee whose TMT pensiun lies in
 * [from, to], by TMT pensiun then NIP. */
#include "cli_retirements.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "cli_abk.h"
#include "cli_util.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "store.h"

static enum err
put_row(const struct analysis_retiree *r, enum cli_format f, struct buf *b,
        bool first)
{
    char tmt[DATE_STR_LEN];
    char bup[16];
    date_format(r->tmt_pensiun, tmt);
    snprintf(bup, sizeof(bup), "%d", r->bup);
    if (f == CLI_JSON) {
        struct json_obj *o = json_obj_create();
        analysis_retiree_json(r, true, o);
        enum err rc = buf_adds(b, first ? "\n" : ",\n");
        rc = rc == ERR_OK ? json_obj_format(o, b) : rc;
        json_obj_destroy(o);
        return rc;
    }
    const char *fields[] = {r->nip, r->nama, r->unit, r->jabatan, bup, tmt};
    if (f == CLI_CSV) {
        return csv_format_row(b, fields, 6);
    }
    return buf_addf(b, "%-18s %-40.40s %-24s %-22s %3s %s\n", r->nip, r->nama,
                    r->unit, r->jabatan, bup, tmt);
}

static enum err
print(const struct analysis_retirees *c, enum cli_format f)
{
    static const char *const head[] = {"nip",     "nama", "unit",
                                       "jabatan", "bup",  "tmt_pensiun"};
    struct buf b;
    enum err rc = ERR_OK;
    buf_init(&b, 0);
    if (f == CLI_JSON) {
        rc = buf_adds(&b, "{\"rows\": [");
    } else if (f == CLI_CSV) {
        rc = csv_format_row(&b, head, 6);
    } else {
        rc = buf_addf(&b, "%-18s %-40s %-24s %-22s %3s %s\n", "NIP", "Nama",
                      "Unit", "Jabatan", "BUP", "TMT pensiun");
    }
    for (size_t i = 0; i < c->n && rc == ERR_OK; i++) {
        rc = put_row(&c->rows[i], f, &b, i == 0);
    }
    if (rc == ERR_OK && f == CLI_JSON) {
        rc = buf_adds(&b, c->n ? "\n]}\n" : "]}\n");
    }
    if (rc == ERR_OK && fwrite(b.data, 1, b.len, stdout) != b.len) {
        rc = ERR_IO;
    }
    buf_cleanup(&b);
    return rc;
}

static int
parse_args(int argc, char **argv, int32_t *from, int32_t *to,
           enum cli_format *f)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"format", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0}};
    bool have_to = false;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        int32_t *d = ch == 'f' ? from : to;
        bool ok = false;
        if (ch == 'f' || ch == 't') {
            ok = date_parse(optarg, strlen(optarg), d) == ERR_OK;
            have_to = have_to || ch == 't';
        } else if (ch == 'o') {
            ok = cli_parse_format(optarg, f);
        }
        if (!ok) {
            return cli_usage("retirements",
                             L_("opsi atau nilai tidak sah: '%s'",
                                "invalid option or value: '%s'"),
                             argv[optind - 1]);
        }
    }
    if (optind != argc) {
        return cli_usage("retirements", "%s",
                         L_("argumen berlebih", "unexpected arguments"));
    }
    if (!have_to) {
        *to = date_add_months(*from, 12) - 1; /* One year from 'from'. */
    }
    return 0;
}

int
cli_retirements_run(const struct cli *c, int argc, char **argv)
{
    struct analysis_retirees rows = {NULL, 0, 0};
    int32_t from = date_today();
    int32_t to = 0;
    enum cli_format f = CLI_TABLE;
    struct store *st = NULL;
    struct analysis *a = NULL;
    int code = parse_args(argc, argv, &from, &to, &f);
    if (code != 0) {
        return code;
    }
    /* The analysis gives each position's BUP under the settings. */
    enum err rc = cli_store_open(c, false, &st);
    rc = rc == ERR_OK ? analysis_load(st, from, &a) : rc;
    rc = rc == ERR_OK ? analysis_retirees_load(a, st, from, to, &rows) : rc;
    rc = rc == ERR_OK ? print(&rows, f) : rc;
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
    analysis_retirees_cleanup(&rows);
    analysis_destroy(a);
    store_close(st);
    return cli_exit(rc);
}
