/* SPDX-License-Identifier: MIT */
/* kelayakan: may an employee ask to move (APS), in words (services). */
#include "kelayakan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "plan.h"
#include "planning.h"
#include "settings.h"

struct kelayakan {
    struct planning *pl;
};

/* A day as the reader says it: "1 Agustus 2027", or ISO in English. */
static void
day_text(int32_t day, char out[DATE_ID_LEN])
{
    if (diag_english()) {
        date_format(day, out);
    } else {
        date_format_id(day, out);
    }
}

static const char *
predikat_name(int v)
{
    return v < 0 ? L_("belum dinilai", "not rated")
                 : model_enum_name(&model_predikat, v);
}

/* The sentence of reason 'r' for staff 'i'. */
static void
reason_text(const struct plan_problem *p, size_t i, enum plan_reason r,
            char *out, size_t len)
{
    const struct plan_staff *e = &p->staff[i];
    const struct settings *s = p->s;
    char d[DATE_ID_LEN];
    switch (r) {
    case PLAN_R_STATUS:
        snprintf(out, len, "%s",
                 L_("status kepegawaiannya tidak dapat dipindah atas "
                    "permintaan sendiri",
                    "their employment status cannot be moved at own "
                    "request"));
        break;
    case PLAN_R_SKP: {
        int y = plan_skp_year(p);
        snprintf(out, len,
                 L_("SKP dua tahun terakhir harus paling sedikit '%s' "
                    "(%d: %s, %d: %s)",
                    "the SKP of the last two years must be at least '%s' "
                    "(%d: %s, %d: %s)"),
                 model_enum_name(&model_predikat, (int)s->skp_min_aps), y - 1,
                 predikat_name(e->skp[0]), y, predikat_name(e->skp[1]));
        break;
    }
    case PLAN_R_MASA_KERJA_UNIT:
        if (!e->current) {
            snprintf(out, len, "%s",
                     L_("sudah ada penempatan baru yang belum berlaku",
                        "a new posting is waiting to take effect"));
            break;
        }
        day_text(date_add_months(e->tmt_unit, s->min_bulan_unit), d);
        snprintf(out, len,
                 L_("belum %d bulan di unit sekarang (PP 11/2017); boleh "
                    "mulai %s",
                    "not yet %d months in the current unit (PP 11/2017); "
                    "allowed from %s"),
                 s->min_bulan_unit, d);
        break;
    case PLAN_R_PENSIUN:
        day_text(e->tmt_pensiun, d);
        snprintf(out, len,
                 L_("pensiun dalam %d bulan (TMT pensiun %s)",
                    "retires within %d months (retirement %s)"),
                 s->pensiun_bulan, d);
        break;
    case PLAN_R_HUKUMAN_DISIPLIN:
        snprintf(out, len, "%s",
                 L_("sedang menjalani hukuman disiplin atau pemeriksaan",
                    "under a disciplinary sanction or case"));
        break;
    case PLAN_R_JABATAN_STRUKTURAL:
        snprintf(out, len, "%s",
                 L_("jabatan struktural diisi lewat manajemen talenta, "
                    "bukan lewat permohonan ini",
                    "structural posts are filled through talent "
                    "management, not by this request"));
        break;
    case PLAN_R_IKATAN_10_TAHUN:
        day_text(plan_bond_end(p, i) - 1, d);
        snprintf(out, len,
                 L_("masih terikat masa kerja %d tahun formasi sampai %s",
                    "still bound by the %d-year service of the formation "
                    "until %s"),
                 s->aps_ikatan_tahun, d);
        break;
    default:
        snprintf(out, len, "%s", plan_reason_code(r));
        break;
    }
}

size_t
kelayakan_reasons(const struct plan_problem *p, size_t i,
                  struct kelayakan_alasan out[KELAYAKAN_MAX])
{
    unsigned set = plan_ineligible(p, i, true);
    size_t n = 0;
    for (int r = 0; r < PLAN_R_N && n < KELAYAKAN_MAX; r++) {
        if (set & PLAN_BIT(r)) {
            out[n].kode = plan_reason_code((enum plan_reason)r);
            reason_text(p, i, (enum plan_reason)r, out[n].teks,
                        sizeof(out[n].teks));
            n++;
        }
    }
    return n;
}

enum err
kelayakan_load(struct store *st, int32_t day, struct kelayakan **out)
{
    struct planning_args args = {day, NULL, 0, NULL, 0};
    struct planning *pl = NULL;
    enum err rc = planning_load(st, &args, &pl);
    if (rc != ERR_OK) {
        return rc;
    }
    *out = xcalloc(1, sizeof(**out));
    (*out)->pl = pl;
    return ERR_OK;
}

void
kelayakan_destroy(struct kelayakan *k)
{
    if (k != NULL) {
        planning_destroy(k->pl);
        free(k);
    }
}

static void
push_reason(struct json_obj *o, const char *kode, const char *teks)
{
    struct json_obj *a = json_obj_create();
    json_obj_set_str(a, "kode", kode);
    json_obj_set_str(a, "teks", teks);
    json_obj_push(o, "alasan", a);
}

void
kelayakan_json(const struct kelayakan *k, const char *nip, bool tugas_belajar,
               struct json_obj *o, const char *key)
{
    struct json_obj *v = json_obj_create();
    json_obj_set_empty_array(v, "alasan");
    long i = planning_find_staff(k->pl, nip);
    if (i < 0) {
        if (tugas_belajar) {
            push_reason(v, "tugas_belajar",
                        L_("sedang tugas belajar (dibebaskan dari jabatan)",
                           "on study leave (released from the post)"));
        } else {
            push_reason(v, "tidak_menjabat",
                        L_("tidak menduduki jabatan pada hari ini (sudah "
                           "pensiun atau belum ditempatkan)",
                           "holds no post today (retired or not posted)"));
        }
        json_obj_set_bool(v, "boleh", false);
    } else {
        struct kelayakan_alasan r[KELAYAKAN_MAX];
        size_t n = kelayakan_reasons(planning_problem(k->pl), (size_t)i, r);
        for (size_t j = 0; j < n; j++) {
            push_reason(v, r[j].kode, r[j].teks);
        }
        json_obj_set_bool(v, "boleh", n == 0);
    }
    json_obj_set_obj(o, key, v);
}
