/* SPDX-License-Identifier: MIT */
/* plan_problem: the rules over a problem that every part of the planner
 * asks (engine layer): eligibility, the service bond, distance,
 * competencies and the pair lookup. */
#include "plan_problem.h"

#include <string.h>

#include "date.h"
#include "geo.h"
#include "model.h"
#include "settings.h"

int32_t
plan_bond_end(const struct plan_problem *p, size_t i)
{
    const struct plan_staff *e = &p->staff[i];
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(e->angkat, &y, &m, &d);
    int formasi = e->formasi_tahun > 0 ? e->formasi_tahun : y;
    if (formasi < p->s->aps_ikatan_formasi) {
        return DATE_NONE;
    }
    return date_add_months(e->angkat, 12 * (p->s->aps_ikatan_tahun + 1));
}

unsigned
plan_ineligible(const struct plan_problem *p, size_t i, bool aps)
{
    const struct plan_staff *e = &p->staff[i];
    const struct settings *s = p->s;
    unsigned why = 0;
    if (e->status == STATUS_CPNS ||
        (e->status == STATUS_PPPK && !s->pppk_boleh) ||
        (e->status == STATUS_PPPK_PW && !s->pppk_pw_boleh)) {
        why |= PLAN_BIT(PLAN_R_STATUS);
    }
    if ((aps || s->skp_directed) && !plan_skp_ok(p, i)) {
        why |= PLAN_BIT(PLAN_R_SKP);
    }
    if (!e->current ||
        date_add_months(e->tmt_unit, s->min_bulan_unit) > p->day) {
        why |= PLAN_BIT(PLAN_R_MASA_KERJA_UNIT);
    }
    if (date_add_months(p->day, s->pensiun_bulan) >= e->tmt_pensiun) {
        why |= PLAN_BIT(PLAN_R_PENSIUN);
    }
    if (e->hukuman_disiplin) {
        why |= PLAN_BIT(PLAN_R_HUKUMAN_DISIPLIN);
    }
    enum jabatan_jenis j = p->jabs[p->pairs[e->pair].jab].jenis;
    if (!s->struktural_boleh && model_jabatan_is_struktural(j)) {
        why |= PLAN_BIT(PLAN_R_JABATAN_STRUKTURAL);
    }
    if (aps) {
        int32_t end = plan_bond_end(p, i);
        if (end != DATE_NONE && end > p->day) {
            why |= PLAN_BIT(PLAN_R_IKATAN_10_TAHUN);
        }
    }
    return why;
}

int
plan_skp_year(const struct plan_problem *p)
{
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(p->day, &y, &m, &d);
    return y - 1;
}

bool
plan_skp_ok(const struct plan_problem *p, size_t i)
{
    for (int k = 0; k < PLAN_SKP_YEARS; k++) {
        if (p->staff[i].skp[k] < (int)p->s->skp_min_aps) {
            return false; /* -1, not rated, is below every rating. */
        }
    }
    return true;
}

unsigned
plan_jabatan_bar(const struct plan_problem *p, size_t i, size_t jab)
{
    const struct plan_staff *e = &p->staff[i];
    const struct plan_jabatan *j = &p->jabs[jab];
    unsigned why =
        plan_has_kompetensi(p, i, jab) ? 0 : PLAN_BIT(PLAN_R_KOMPETENSI);
    if (jab == p->pairs[e->pair].jab) {
        return why;
    }
    if (model_status_is_pppk(e->status)) {
        why |= PLAN_BIT(PLAN_R_STATUS);
    }
    if ((j->pendidikan_min >= 0 && e->pendidikan < j->pendidikan_min) ||
        (j->golongan_min >= 0 &&
         (e->golongan < 0 || e->golongan < j->golongan_min)) ||
        (j->golongan_max >= 0 &&
         (e->golongan < 0 || e->golongan > j->golongan_max))) {
        why |= PLAN_BIT(PLAN_R_SYARAT_JABATAN);
    }
    return why;
}

static bool
has_coords(double lat, double lon)
{
    return lat != MODEL_COORD_NONE && lon != MODEL_COORD_NONE;
}

double
plan_km(const struct plan_problem *p, size_t i, size_t unit)
{
    const struct plan_staff *e = &p->staff[i];
    const struct plan_unit *b = &p->units[unit];
    const struct plan_unit *a = &p->units[p->pairs[e->pair].unit];
    if (!has_coords(b->lat, b->lon)) {
        return 0.0;
    }
    if (has_coords(e->lat, e->lon)) {
        return geo_km(e->lat, e->lon, b->lat, b->lon);
    }
    if (has_coords(a->lat, a->lon)) {
        return geo_km(a->lat, a->lon, b->lat, b->lon);
    }
    return 0.0;
}

enum plan_km_from
plan_km_from(const struct plan_problem *p, size_t i, size_t unit)
{
    const struct plan_staff *e = &p->staff[i];
    const struct plan_unit *b = &p->units[unit];
    const struct plan_unit *a = &p->units[p->pairs[e->pair].unit];
    if (!has_coords(b->lat, b->lon)) {
        return PLAN_KM_UNKNOWN;
    }
    if (has_coords(e->lat, e->lon)) {
        return PLAN_KM_HOME;
    }
    return has_coords(a->lat, a->lon) ? PLAN_KM_UNIT : PLAN_KM_UNKNOWN;
}

/* True when the ';'-list 'list' holds the tag of 'len' bytes at 'tag'. */
static bool
list_has(const char *list, const char *tag, size_t len)
{
    for (const char *q = list; q != NULL && *q != '\0';) {
        const char *semi = strchr(q, ';');
        size_t n = semi ? (size_t)(semi - q) : strlen(q);
        if (n == len && memcmp(q, tag, len) == 0) {
            return true;
        }
        q = semi ? semi + 1 : q + n;
    }
    return false;
}

bool
plan_has_kompetensi(const struct plan_problem *p, size_t i, size_t jab)
{
    const char *need = p->jabs[jab].kompetensi;
    for (const char *q = need; q != NULL && *q != '\0';) {
        const char *semi = strchr(q, ';');
        size_t n = semi ? (size_t)(semi - q) : strlen(q);
        if (n > 0 && !list_has(p->staff[i].kompetensi, q, n)) {
            return false;
        }
        q = semi ? semi + 1 : q + n;
    }
    return true;
}

long
plan_find_pair(const struct plan_problem *p, size_t unit, size_t jab)
{
    size_t lo = 0;
    size_t hi = p->n_pairs;
    const char *uk = p->units[unit].kode;
    const char *jk = p->jabs[jab].kode;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct plan_pair *x = &p->pairs[mid];
        int c = strcmp(p->units[x->unit].kode, uk);
        c = c != 0 ? c : strcmp(p->jabs[x->jab].kode, jk);
        if (c == 0) {
            return (long)mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}
