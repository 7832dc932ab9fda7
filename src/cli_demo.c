/* SPDX-License-Identifier: MIT */
/* cli_demo: 'mutasi demo' creates the database, generates the Kota
 * Mataram preset and loads it, then makes one account per role (cli
 * layer). The generated files go to a
 * temporary folder that is removed afterwards. */
#include "cli_demo.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "buf.h"
#include "cli_util.h"
#include "date.h"
#include "diag.h"
#include "gen.h"
#include "gen_data.h"
#include "import.h"
#include "import_batas.h"
#include "mem.h"
#include "model.h"
#include "planning.h"
#include "settings.h"
#include "settings_store.h"
#include "store.h"

#define N_FILES REC_N_KINDS

struct demo_files {
    char dir[64];
    char *paths[N_FILES];
};

static void
demo_files_remove(struct demo_files *f)
{
    for (int k = 0; k < N_FILES; k++) {
        if (f->paths[k] != NULL) {
            unlink(f->paths[k]);
            free(f->paths[k]);
        }
    }
    rmdir(f->dir);
}

/* The curriculum of the database's settings (the default on a new one):
 * the teachers' hours of the data follow it. */
static enum err
curriculum(const struct cli *c, enum kurikulum *out)
{
    struct store *st = NULL;
    struct settings s;
    int from = 0;
    enum err rc = cli_store_open(c, true, &st);
    rc = rc == ERR_OK ? store_migrate(st, &from) : rc;
    rc = rc == ERR_OK ? settings_store_load(st, &s) : rc;
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
    if (rc == ERR_OK) {
        *out = s.kurikulum;
    }
    store_close(st);
    return rc;
}

/* Generate the preset into a new temporary folder. */
static enum err
generate(uint64_t seed, enum kurikulum kur, struct demo_files *f,
         struct gen_stats *st)
{
    struct gen_opts o = {GEN_MATARAM, 0, seed, kur};
    FILE *files[N_FILES] = {NULL};
    enum err rc = ERR_OK;
    snprintf(f->dir, sizeof(f->dir), "/tmp/mutasi-demo-XXXXXX");
    if (mkdtemp(f->dir) == NULL) {
        cli_error("%s", L_("tidak dapat membuat folder sementara",
                           "cannot create a temporary folder"));
        return ERR_IO;
    }
    for (int k = 0; k < N_FILES && rc == ERR_OK; k++) {
        struct buf b;
        buf_init(&b, 0);
        rc = buf_addf(&b, "%s/%s.csv", f->dir, rec_kind_name((enum rec_kind)k));
        f->paths[k] = buf_take(&b);
        files[k] = fopen(f->paths[k], "wb");
        rc = rc == ERR_OK && files[k] == NULL ? ERR_IO : rc;
    }
    rc = rc == ERR_OK ? gen_run(&o, files, true, st) : rc;
    for (int k = 0; k < N_FILES; k++) {
        if (files[k] != NULL && fclose(files[k]) != 0) {
            rc = ERR_IO;
        }
    }
    return rc;
}

static enum err
load(const struct cli *c, struct demo_files *f)
{
    struct store *st = NULL;
    struct diag d;
    struct import_stats is;
    int from = 0;
    enum err rc = cli_store_open(c, true, &st);
    rc = rc == ERR_OK ? store_migrate(st, &from) : rc;
    diag_init(&d, DIAG_MAX_DEFAULT);
    if (rc == ERR_OK) {
        rc = import_files(st, (const char *const *)f->paths, N_FILES, c->actor,
                          &d, &is);
    }
    if (rc == ERR_OK) {
        /* The kelurahan boundaries of data/mataram, for the map. */
        rc = import_batas_text(st, gen_data_kelurahan_batas,
                               gen_data_kelurahan_batas_len,
                               "kelurahan_batas.geojson", c->actor, &d, NULL);
    }
    cli_print_diag(&d);
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    } else if (rc == ERR_OK) {
        printf(L_("%s: data Kota Mataram (sintetis) dimuat: %ld unit, %ld "
                  "pegawai, %ld permohonan\n",
                  "%s: Kota Mataram (synthetic) loaded: %ld units, %ld staff, "
                  "%ld requests\n"),
               c->db_shown, is.n_rows[REC_UNIT], is.n_rows[REC_PEGAWAI],
               is.n_rows[REC_PERMOHONAN]);
    }
    diag_cleanup(&d);
    store_close(st);
    return rc;
}

/* What the demo's accounts stand for: the employee chosen by the
 * planner's rules and the head of their OPD. */
static void
print_story(const struct planning_applicant *ap)
{
    printf(
        L_("\nAlur demo, dari login sampai SK:\n"
           "  1. pegawai: NIP %s, %s (%s).\n"
           "     Memenuhi syarat pindah atas permintaan sendiri, belum\n"
           "     punya permohonan. Ajukan pindah ke %s (%s).\n"
           "  2. kepala: kepala OPD %s, menyetujui pelepasan.\n"
           "  3. bkpsdm: memverifikasi, membuat rencana (mode voluntary atau\n"
           "     combined) yang mengabulkannya, lalu menerbitkannya.\n"
           "  4. tpk: mempertimbangkan tiap pindahan dan menutup sidang.\n"
           "  5. ppk: menetapkan; SK dan petikannya dapat diunduh.\n",
           "\nThe demo's story, from login to decree:\n"
           "  1. pegawai: NIP %s, %s (%s).\n"
           "     May move at own wish and has no open request.\n"
           "     Apply for %s (%s).\n"
           "  2. kepala: head of OPD %s, releases them.\n"
           "  3. bkpsdm: verifies, makes a plan (mode voluntary or\n"
           "     combined) that grants it, and publishes it.\n"
           "  4. tpk: considers each move and closes the session.\n"
           "  5. ppk: approves; the SK and its petikan can be downloaded.\n"),
        ap->nip, ap->nama_unit_asal, ap->unit_asal, ap->nama_unit_tujuan,
        ap->unit_tujuan, ap->opd_asal);
}

/* One account per role with a new random password, printed; an account
 * that exists gets a new password. The employee's account belongs to
 * someone a plan would move at their own wish (planning_demo_applicant()),
 * the head's to their OPD. */
static enum err
demo_users(const struct cli *c)
{
    struct store *st = NULL;
    struct planning_applicant ap;
    enum err rc = auth_init();
    rc = rc == ERR_OK ? cli_store_open(c, false, &st) : rc;
    rc = rc == ERR_OK ? planning_demo_applicant(st, date_today(), &ap) : rc;
    if (rc == ERR_NOTFOUND) {
        cli_error("%s", L_("tidak ada pegawai yang dapat dikabulkan "
                           "permohonannya untuk akun demo",
                           "no employee whose request a plan would grant, "
                           "for the demo account"));
        rc = ERR_INVAL;
    }
    const struct {
        const char *login;
        const char *role;
        const char *nip;
        const char *unit;
    } users[] = {{"pegawai", "pegawai", ap.nip, NULL},
                 {"kepala", "kepala_unit", NULL, ap.opd_asal},
                 {"bkpsdm", "bkpsdm", NULL, NULL},
                 {"tpk", "tpk", NULL, NULL},
                 {"ppk", "ppk", NULL, NULL},
                 {"admin", "admin", NULL, NULL}};
    rc = rc == ERR_OK ? store_begin(st) : rc;
    for (size_t i = 0; i < sizeof(users) / sizeof(users[0]) && rc == ERR_OK;
         i++) {
        char pw[17];
        char hash[AUTH_HASH_MAX];
        auth_new_password(pw);
        rc = auth_hash_password(pw, hash);
        struct store_user u = {
            users[i].login, hash, users[i].role, users[i].nip,
            users[i].unit,  true, NULL};
        rc = rc == ERR_OK ? store_user_add(st, &u) : rc;
        if (rc == ERR_EXISTS) {
            rc = store_user_set_password(st, users[i].login, hash);
        }
        struct store_audit a = {c->actor, "user", users[i].login,
                                "demo",   NULL,   NULL};
        rc = rc == ERR_OK ? store_audit_add(st, &a) : rc;
        if (rc == ERR_OK) {
            printf(L_("akun demo: %-9s sandi %s (%s)\n",
                      "demo account: %-9s password %s (%s)\n"),
                   users[i].login, pw, users[i].role);
        }
    }
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc == ERR_OK) {
        print_story(&ap);
    }
    if (rc != ERR_OK && rc != ERR_INVAL && st != NULL) {
        store_rollback(st);
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
    store_close(st);
    return rc;
}

int
cli_demo_run(const struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {{"seed", required_argument, NULL, 's'},
                                         {NULL, 0, NULL, 0}};
    long seed = 1;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch != 's' || cli_parse_long("demo", "--seed", optarg, 0,
                                        2147483647L, &seed) != ERR_OK) {
            return ch == 's'
                       ? 64
                       : cli_usage("demo", "%s",
                                   L_("opsi tidak dikenal", "unknown option"));
        }
    }
    if (optind != argc) {
        return cli_usage("demo", "%s",
                         L_("argumen berlebih", "unexpected arguments"));
    }
    struct demo_files f;
    struct gen_stats st;
    memset(&f, 0, sizeof(f));
    enum kurikulum k = KURIKULUM_MERDEKA;
    enum err rc = curriculum(c, &k);
    rc = rc == ERR_OK ? generate((uint64_t)seed, k, &f, &st) : rc;
    rc = rc == ERR_OK ? load(c, &f) : rc;
    demo_files_remove(&f);
    rc = rc == ERR_OK ? demo_users(c) : rc;
    return cli_exit(rc);
}
