/* SPDX-License-Identifier: MIT */
/* siasn_out: a decided plan's moves as SIASN write-back records (service
 * layer). */
#include "siasn_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "planning.h"
#include "sk.h"
#include "store.h"

/* The SIASN id of 'kode' of kind 'jenis' into 'out' ("" when none). */
static enum err
id_of(struct store *st, const char *jenis, const char *kode,
      char out[SIASN_ID_LEN])
{
    struct buf b;
    bool found = false;
    buf_init(&b, 0);
    out[0] = '\0';
    enum err rc = store_siasn_id_get(st, jenis, kode, &b, &found);
    if (rc == ERR_OK && found) {
        snprintf(out, SIASN_ID_LEN, "%s", buf_str(&b));
    }
    buf_cleanup(&b);
    return rc;
}

/* Fill side 'sd' with unit 'kode': its name and id. */
static enum err
unit_side(struct store *st, const char *kode, struct siasn_side *sd)
{
    struct unit u;
    snprintf(sd->kode, sizeof(sd->kode), "%s", kode);
    enum err rc = store_unit_get(st, kode, &u);
    if (rc == ERR_OK) {
        snprintf(sd->nama, sizeof(sd->nama), "%s", u.nama);
    } else if (rc == ERR_NOTFOUND) {
        rc = ERR_OK; /* A unit gone since the plan: its code only. */
    }
    return rc == ERR_OK ? id_of(st, "unit", kode, sd->id) : rc;
}

/* Fill side 'sd' with position 'kode'; '*jenis' gets SIASN's jenisJabatan
 * (0 when the position is unknown). */
static enum err
jabatan_side(struct store *st, const char *kode, struct siasn_side *sd,
             int *jenis)
{
    struct jabatan j;
    snprintf(sd->kode, sizeof(sd->kode), "%s", kode);
    *jenis = 0;
    enum err rc = store_jabatan_get(st, kode, &j);
    if (rc == ERR_OK) {
        snprintf(sd->nama, sizeof(sd->nama), "%s", j.nama);
        *jenis = model_jabatan_is_struktural(j.jenis) ? 1
                 : j.jenis == JAB_PELAKSANA           ? 4
                                                      : 2;
    } else if (rc == ERR_NOTFOUND) {
        rc = ERR_OK;
    }
    return rc == ERR_OK ? id_of(st, "jabatan", kode, sd->id) : rc;
}

/* The code of the root of unit 'kode''s tree (the government) into
 * 'out'. */
static enum err
root_of(struct store *st, const char *kode, char out[65])
{
    snprintf(out, 65, "%s", kode);
    for (int depth = 0; depth < 64; depth++) {
        struct unit u;
        enum err rc = store_unit_get(st, out, &u);
        if (rc == ERR_NOTFOUND) {
            return ERR_OK;
        }
        if (rc != ERR_OK) {
            return rc;
        }
        if (u.induk == NULL || u.induk[0] == '\0') {
            return ERR_OK;
        }
        char next[65];
        snprintf(next, sizeof(next), "%s", u.induk);
        memcpy(out, next, sizeof(next));
    }
    return ERR_OK;
}

/* "dd-mm-yyyy" of the date at the start of 'iso' (YYYY-MM-DD...). */
static enum err
dmy(const char *iso, char out[11])
{
    int32_t d = 0;
    if (iso == NULL || strlen(iso) < 10 || date_parse(iso, 10, &d) != ERR_OK) {
        return ERR_INTERNAL;
    }
    char s[DATE_STR_LEN];
    date_format(d, s);
    snprintf(out, 11, "%.2s-%.2s-%.4s", s + 8, s + 5, s);
    return ERR_OK;
}

static void
missing(struct buf *why, const char *nip, const char *what_id,
        const char *what_en, const char *kode)
{
    (void)(buf_addf(why,
                    L_("%s: %s %s tidak punya id SIASN\n",
                       "%s: %s %s has no SIASN id\n"),
                    nip, L_(what_id, what_en), kode) == ERR_OK);
}

/* Fill '*mv' from saved move 'm'; missing ids are told in 'why'. */
static enum err
move_of(struct store *st, const struct saved_move *m, struct siasn_move *mv,
        struct buf *why)
{
    int jenis_lama = 0;
    char root[65];
    memset(mv, 0, sizeof(*mv));
    snprintf(mv->nip, sizeof(mv->nip), "%s", m->nip);
    snprintf(mv->nama, sizeof(mv->nama), "%s", m->nama);
    mv->mutasi_jabatan = strcmp(m->jabatan_asal, m->jabatan_tujuan) != 0;
    enum err rc = id_of(st, "pegawai", m->nip, mv->pns_id);
    rc = rc == ERR_OK ? unit_side(st, m->unit_asal, &mv->unit_lama) : rc;
    rc = rc == ERR_OK ? unit_side(st, m->unit_tujuan, &mv->unit_baru) : rc;
    rc = rc == ERR_OK
             ? jabatan_side(st, m->jabatan_asal, &mv->jabatan_lama, &jenis_lama)
             : rc;
    rc = rc == ERR_OK ? jabatan_side(st, m->jabatan_tujuan, &mv->jabatan_baru,
                                     &mv->jenis_jabatan)
                      : rc;
    rc = rc == ERR_OK ? root_of(st, m->unit_tujuan, root) : rc;
    rc = rc == ERR_OK ? id_of(st, "instansi", root, mv->instansi_id) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    if (mv->pns_id[0] == '\0') {
        missing(why, m->nip, "pegawai", "employee", m->nip);
    }
    if (mv->unit_baru.id[0] == '\0') {
        missing(why, m->nip, "unit", "unit", m->unit_tujuan);
    }
    if (mv->jabatan_baru.id[0] == '\0') {
        missing(why, m->nip, "jabatan", "position", m->jabatan_tujuan);
    }
    if (mv->instansi_id[0] == '\0') {
        missing(why, m->nip, "instansi", "government", root);
    }
    return ERR_OK;
}

enum err
siasn_out_load(struct store *st, const char *plan, struct siasn_batch *out,
               struct buf *why)
{
    struct saved_plan sp;
    memset(out, 0, sizeof(*out));
    enum err rc = planning_saved_load(st, plan, &sp);
    if (rc != ERR_OK) {
        planning_saved_cleanup(&sp);
        return rc;
    }
    const struct store_plan *p = &sp.plan;
    if (strcmp(p->status, "ditetapkan") != 0 || p->sk_nomor == NULL ||
        p->tmt == NULL || p->disetujui == NULL) {
        (void)(buf_addf(why,
                        L_("rencana %s belum ditetapkan PPK (status %s)",
                           "plan %s is not decided by the PPK yet (status %s)"),
                        plan, p->status) == ERR_OK);
        planning_saved_cleanup(&sp);
        return ERR_CONFLICT;
    }
    snprintf(out->plan, sizeof(out->plan), "%s", plan);
    snprintf(out->nomor_sk, sizeof(out->nomor_sk), "%s", p->sk_nomor);
    rc = dmy(p->disetujui, out->tanggal_sk);
    rc = rc == ERR_OK ? dmy(p->tmt, out->tmt) : rc;
    out->moves = xcalloc(sp.n_moves + 1, sizeof(*out->moves));
    size_t len_before = why->len;
    for (size_t i = 0; i < sp.n_moves && rc == ERR_OK; i++) {
        const struct saved_move *m = &sp.moves[i];
        if (!sk_move_decided(&sp, m) || m->sementara_sampai[0] != '\0') {
            continue; /* Struck or refused, or a surat tugas. */
        }
        rc = move_of(st, m, &out->moves[out->n_moves], why);
        out->n_moves++;
    }
    if (rc == ERR_OK && why->len != len_before) {
        rc = ERR_INVAL;
    }
    planning_saved_cleanup(&sp);
    return rc;
}

void
siasn_out_cleanup(struct siasn_batch *b)
{
    free(b->moves);
    b->moves = NULL;
    b->n_moves = 0;
}

/* Set 'key' to 'v', or null when it is "". */
static void
set_id(struct json_obj *o, const char *key, const char *v)
{
    json_obj_set_str(o, key, v[0] != '\0' ? v : NULL);
}

enum err
siasn_out_record(const struct siasn_batch *b, size_t i, struct buf *out)
{
    const struct siasn_move *m = &b->moves[i];
    char jenis[4];
    snprintf(jenis, sizeof(jenis), "%d", m->jenis_jabatan);
    struct json_obj *o = json_obj_create();
    set_id(o, "pnsId", m->pns_id);
    set_id(o, "unorId", m->unit_baru.id);
    json_obj_set_str(o, "jenisJabatan", jenis);
    /* A structural position is the unit (unor) itself in SIASN. */
    set_id(o, "jabatanFungsionalId",
           m->jenis_jabatan == 2 ? m->jabatan_baru.id : "");
    set_id(o, "jabatanFungsionalUmumId",
           m->jenis_jabatan == 4 ? m->jabatan_baru.id : "");
    json_obj_set_null(o, "eselonId");
    set_id(o, "instansiId", m->instansi_id);
    json_obj_set_null(o, "satuanKerjaId");
    json_obj_set_str(o, "nomorSk", b->nomor_sk);
    json_obj_set_str(o, "tanggalSk", b->tanggal_sk);
    json_obj_set_str(o, "tmtJabatan", b->tmt);
    json_obj_set_str(o, "tmtMutasi", b->tmt);
    json_obj_set_null(o, "tmtPelantikan");
    json_obj_set_str(o, "jenisMutasiId", m->mutasi_jabatan ? "MJ" : "MU");
    json_obj_set_null(o, "jenisPenugasanId");
    json_obj_set_null(o, "subJabatanId");
    enum err rc = json_obj_format(o, out);
    json_obj_destroy(o);
    return rc;
}

/* Does 'kode' of kind 'jenis' exist? */
static enum err
exists(struct store *st, const char *jenis, const char *kode, bool *yes)
{
    struct unit u;
    struct jabatan j;
    struct pegawai p;
    enum err rc = ERR_INVAL;
    *yes = false;
    if (strcmp(jenis, "unit") == 0 || strcmp(jenis, "instansi") == 0) {
        rc = store_unit_get(st, kode, &u);
        if (rc == ERR_OK && strcmp(jenis, "instansi") == 0) {
            *yes = u.induk == NULL || u.induk[0] == '\0';
            return ERR_OK;
        }
    } else if (strcmp(jenis, "jabatan") == 0) {
        rc = store_jabatan_get(st, kode, &j);
    } else if (strcmp(jenis, "pegawai") == 0) {
        rc = store_pegawai_get(st, kode, &p);
    }
    *yes = rc == ERR_OK;
    return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

enum err
siasn_id_assign(struct store *st, const char *jenis, const char *kode,
                const char *siasn_id, const char *actor, struct buf *why)
{
    bool yes = false;
    struct buf old;
    bool had = false;
    enum err rc = exists(st, jenis, kode, &yes);
    if (rc == ERR_INVAL) {
        (void)(buf_addf(why,
                        L_("jenis '%s' tidak dikenal (instansi, unit, "
                           "jabatan, pegawai)",
                           "unknown kind '%s' (instansi, unit, jabatan, "
                           "pegawai)"),
                        jenis) == ERR_OK);
        return rc;
    }
    if (rc == ERR_OK && !yes) {
        (void)(buf_addf(why,
                        strcmp(jenis, "instansi") == 0
                            ? L_("instansi %s bukan unit akar",
                                 "instansi %s is not a root unit")
                            : L_("%s %s tidak ada", "%s %s does not exist"),
                        strcmp(jenis, "instansi") == 0 ? kode : jenis,
                        kode) == ERR_OK);
        return ERR_NOTFOUND;
    }
    buf_init(&old, 0);
    rc = rc == ERR_OK ? store_begin(st) : rc;
    if (rc != ERR_OK) {
        buf_cleanup(&old);
        return rc;
    }
    rc = store_siasn_id_get(st, jenis, kode, &old, &had);
    rc = rc == ERR_OK ? store_siasn_id_set(st, jenis, kode, siasn_id) : rc;
    if (rc == ERR_OK) {
        struct buf id;
        bool found = false;
        buf_init(&id, 0);
        rc = store_siasn_id_get(st, jenis, kode, &id, &found);
        struct buf entity;
        buf_init(&entity, 0);
        rc = rc == ERR_OK ? buf_addf(&entity, "%s:%s", jenis, kode) : rc;
        struct store_audit e = {actor,
                                "siasn_id",
                                buf_str(&entity),
                                "set",
                                had ? buf_str(&old) : NULL,
                                buf_str(&id)};
        rc = rc == ERR_OK ? store_audit_add(st, &e) : rc;
        buf_cleanup(&entity);
        buf_cleanup(&id);
    }
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
    }
    buf_cleanup(&old);
    return rc;
}
