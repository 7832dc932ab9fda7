/* SPDX-License-Identifier: MIT */
/* plan: metrics, the order of the planner's parts and the explanations
 * (engine layer); see the design note in plan.h. The rules over the
 * problem that every part asks, eligibility first, are plan_problem.c. */
#include "plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abk.h"
#include "date.h"
#include "mem.h"
#include "plan_directed.h"
#include "plan_problem.h"
#include "plan_voluntary.h"
#include "settings.h"

static const char *const reason_codes[PLAN_R_N] = {
    "status",
    "masa_kerja_unit",
    "pensiun",
    "hukuman_disiplin",
    "tugas_belajar",
    "ikatan_10_tahun",
    "jabatan_struktural",
    "abk_asal",
    "abk_tujuan",
    "kompetensi",
    "tidak_ada_kekurangan",
    "kalah_prioritas",
    "asal_kurang",
    "terlalu_jauh",
    "lebih_mahal",
    "rotasi_jatuh_tempo",
    "diminta",
    "jarak_terdekat",
};

const char *
plan_reason_code(enum plan_reason r)
{
    return (unsigned)r < PLAN_R_N ? reason_codes[r] : "";
}

/* The metrics of contract section 5 with staff counts 'h'. */
static void
metrics(const struct plan_problem *p, const int64_t *h,
        struct plan_metrics *out)
{
    memset(out, 0, sizeof(*out));
    double sum = 0.0;
    double sum_sq = 0.0;
    long n_units = 0;
    for (size_t k = 0; k < p->n_pairs;) {
        size_t unit = p->pairs[k].unit;
        int64_t need = 0;
        int64_t staff = 0;
        bool analysed = false;
        for (; k < p->n_pairs && p->pairs[k].unit == unit; k++) {
            const struct plan_pair *x = &p->pairs[k];
            if (!x->analysed) {
                continue;
            }
            analysed = true;
            out->kekurangan += x->n > h[k] ? x->n - h[k] : 0;
            out->kelebihan += h[k] > x->n ? h[k] - x->n : 0;
            out->jabatan_kurang += x->n > h[k];
            need += x->need_num;
            staff += h[k];
        }
        if (analysed && staff > 0) {
            double ej = (double)need / ((double)p->den * (double)staff);
            sum += ej;
            sum_sq += ej * ej;
            n_units++;
        }
    }
    if (n_units > 0) {
        double mean = sum / (double)n_units;
        double var = sum_sq / (double)n_units - mean * mean;
        out->ej_sd_milli = (int64_t)floor(sqrt(var > 0 ? var : 0) * 1000 + 0.5);
    }
}

static int
by_kind_then_nip(const struct plan_move *a, const struct plan_move *b,
                 const struct plan_problem *p)
{
    if (a->aps != b->aps) {
        return a->aps ? -1 : 1;
    }
    return strcmp(p->staff[a->staff].nip, p->staff[b->staff].nip);
}

/* Moves are listed aps first, then by NIP (a bottom-up merge sort, since
 * qsort() passes no context). */
static void
sort_moves(const struct plan_problem *p, struct plan_move *v, size_t n)
{
    if (n < 2) {
        return;
    }
    struct plan_move *tmp = xcalloc(n, sizeof(*tmp));
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t a = lo;
            size_t b = mid;
            size_t o = lo;
            while (a < mid || b < hi) {
                bool left = b >= hi ||
                            (a < mid && by_kind_then_nip(&v[a], &v[b], p) <= 0);
                tmp[o++] = left ? v[a++] : v[b++];
            }
        }
        memcpy(v, tmp, n * sizeof(*v));
    }
    free(tmp);
}

static void
append_moves(struct plan_result *r, size_t *cap, const struct plan_move *m,
             size_t n)
{
    for (size_t k = 0; k < n; k++) {
        xgrow((void **)&r->moves, cap, r->n_moves + 1, sizeof(*r->moves));
        r->moves[r->n_moves++] = m[k];
    }
}

static enum err
run_parts(const struct plan_problem *p, const struct plan_opts *o,
          struct plan_result *r)
{
    size_t cap = 0;
    enum err rc = ERR_OK;
    if (o->mode != PLAN_DIRECTED) {
        struct plan_voluntary v;
        memset(&v, 0, sizeof(v));
        v.h = r->h_after;
        v.why_not = r->why_not_aps;
        v.choice_why = r->choice_why;
        v.rank = r->rank;
        rc = plan_voluntary_run(p, &v);
        if (rc == ERR_OK) {
            append_moves(r, &cap, v.moves, v.n_moves);
            r->n_voluntary = v.n_moves;
            r->requests = v.requests;
            r->requests_granted = (long)v.n_moves;
            r->requests_granted_baseline = v.baseline;
            for (size_t k = 0; k < r->n_moves; k++) {
                r->move_of[r->moves[k].staff] = (long)k;
            }
        }
        free(v.moves);
    }
    for (size_t i = 0; i < p->n_staff; i++) {
        r->why_not[i] = plan_ineligible(p, i, false);
    }
    if (o->mode != PLAN_VOLUNTARY && rc == ERR_OK) {
        struct plan_directed d;
        memset(&d, 0, sizeof(d));
        d.h = r->h_after;
        d.busy = r->move_of;
        d.why_not = r->why_not;
        rc = plan_directed_run(p, o, &d);
        if (rc == ERR_OK) {
            append_moves(r, &cap, d.moves, d.n_moves);
            r->n_directed = d.n_moves;
            r->cost = d.cost;
        }
        free(d.moves);
    }
    return rc;
}

enum err
plan_run(const struct plan_problem *p, const struct plan_opts *o,
         struct plan_result *out)
{
    if (o->mode < PLAN_VOLUNTARY || o->mode > PLAN_COMBINED) {
        return ERR_INVAL;
    }
    memset(out, 0, sizeof(*out));
    out->h_after = xcalloc(p->n_pairs + 1, sizeof(int64_t));
    out->move_of = xcalloc(p->n_staff + 1, sizeof(long));
    out->why_not = xcalloc(p->n_staff + 1, sizeof(unsigned));
    out->why_not_aps = xcalloc(p->n_staff + 1, sizeof(unsigned));
    out->choice_why = xcalloc(p->n_staff + 1, sizeof(*out->choice_why));
    out->rank = xcalloc(p->n_staff + 1, sizeof(long));
    memset(out->choice_why, PLAN_CHOICE_NONE,
           (p->n_staff + 1) * sizeof(*out->choice_why));
    for (size_t k = 0; k < p->n_pairs; k++) {
        out->h_after[k] = p->pairs[k].h;
    }
    for (size_t i = 0; i < p->n_staff; i++) {
        out->move_of[i] = -1;
        out->rank[i] = -1;
    }
    metrics(p, out->h_after, &out->before);
    enum err rc = run_parts(p, o, out);
    if (rc != ERR_OK) {
        plan_result_cleanup(out);
        return rc;
    }
    sort_moves(p, out->moves, out->n_moves);
    for (size_t k = 0; k < out->n_moves; k++) {
        const struct plan_move *m = &out->moves[k];
        out->move_of[m->staff] = (long)k;
        out->why_not[m->staff] = 0;
        if (!m->aps) {
            out->h_after[m->from_pair]--;
            out->h_after[m->to_pair]++;
        }
        out->km_total_centi += m->km_centi;
    }
    metrics(p, out->h_after, &out->after);
    out->aps_into = xcalloc(p->n_pairs + 1, sizeof(long));
    out->aps_next = xcalloc(out->n_moves + 1, sizeof(long));
    for (size_t k = 0; k < p->n_pairs; k++) {
        out->aps_into[k] = -1;
    }
    for (size_t k = out->n_moves; k-- > 0;) {
        if (out->moves[k].aps) {
            out->aps_next[k] = out->aps_into[out->moves[k].to_pair];
            out->aps_into[out->moves[k].to_pair] = (long)k;
        }
    }
    return ERR_OK;
}

void
plan_result_cleanup(struct plan_result *r)
{
    if (r == NULL) {
        return;
    }
    free(r->moves);
    free(r->h_after);
    free(r->move_of);
    free(r->why_not);
    free(r->why_not_aps);
    free(r->choice_why);
    free(r->rank);
    free(r->aps_into);
    free(r->aps_next);
    memset(r, 0, sizeof(*r));
}

/* 'v' / 10^'scale' with a decimal comma and '.' between thousands, as
 * Indonesian text writes numbers ("1.234,56"). */
static enum err
add_id_number(struct buf *b, int64_t v, int scale)
{
    char digits[32];
    int64_t pow = 1;
    for (int k = 0; k < scale; k++) {
        pow *= 10;
    }
    int64_t a = v < 0 ? -v : v;
    snprintf(digits, sizeof(digits), "%lld", (long long)(a / pow));
    enum err rc = v < 0 ? buf_add(b, "-", 1) : ERR_OK;
    size_t len = strlen(digits);
    for (size_t k = 0; k < len && rc == ERR_OK; k++) {
        rc = buf_add(b, &digits[k], 1);
        if (rc == ERR_OK && k + 1 < len && (len - k - 1) % 3 == 0) {
            rc = buf_add(b, ".", 1);
        }
    }
    if (scale > 0 && rc == ERR_OK) {
        rc = buf_addf(b, ",%0*lld", scale, (long long)(a % pow));
    }
    return rc;
}

/* "EJ 0,750" of pair 'k' with 'h' staff, or "EJ kosong" without staff. */
static enum err
add_ej(struct buf *b, const struct plan_problem *p, size_t k, int64_t h)
{
    struct abk_result r;
    memset(&r, 0, sizeof(r));
    r.analysed = true;
    r.need_num = p->pairs[k].need_num;
    r.h = (long)h;
    int64_t ej = abk_ej_milli(p->s, &r);
    enum err rc = buf_adds(b, "EJ ");
    if (rc != ERR_OK) {
        return rc;
    }
    return ej < 0 ? buf_adds(b, "kosong") : add_id_number(b, ej, 3);
}

static const char *
unit_name(const struct plan_problem *p, size_t pair)
{
    const struct plan_unit *u = &p->units[p->pairs[pair].unit];
    return u->nama ? u->nama : u->kode;
}

static const char *
jab_name(const struct plan_problem *p, size_t pair)
{
    const struct plan_jabatan *j = &p->jabs[p->pairs[pair].jab];
    return j->nama ? j->nama : j->kode;
}

/* The why-this-person clauses of a directed move. */
static enum err
add_person_reasons(struct buf *b, const struct plan_problem *p,
                   const struct plan_move *m)
{
    const struct plan_staff *e = &p->staff[m->staff];
    enum err rc = ERR_OK;
    if (m->reasons & PLAN_BIT(PLAN_R_ROTASI_JATUH_TEMPO)) {
        rc = buf_addf(b, "; sudah %d bulan di unitnya, jatuh tempo rotasi",
                      date_months_between(e->tmt_unit, p->day));
    }
    if (rc == ERR_OK && (m->reasons & PLAN_BIT(PLAN_R_DIMINTA))) {
        rc = buf_adds(b, "; unit tujuan ada dalam permohonan pindahnya");
    }
    if (rc == ERR_OK && (m->reasons & PLAN_BIT(PLAN_R_JARAK_TERDEKAT))) {
        rc =
            buf_adds(b, "; tidak ada calon lain yang memenuhi syarat dan tidak "
                        "dipindahkan yang lebih dekat ke unit tujuan");
    }
    return rc;
}

static enum err
directed_text(const struct plan_problem *p, const struct plan_move *m,
              struct buf *b)
{
    const struct plan_pair *a = &p->pairs[m->from_pair];
    const struct plan_pair *t = &p->pairs[m->to_pair];
    enum err rc = buf_addf(
        b,
        "Ditugaskan dari %s ke %s sebagai %s karena %s kelebihan %lld %s "
        "(kebutuhan %lld, bezetting %lld, ",
        unit_name(p, m->from_pair), unit_name(p, m->to_pair),
        jab_name(p, m->to_pair), unit_name(p, m->from_pair),
        (long long)(m->h_from - a->n), jab_name(p, m->from_pair),
        (long long)a->n, (long long)m->h_from);
    rc = rc == ERR_OK ? add_ej(b, p, m->from_pair, m->h_from) : rc;
    rc = rc == ERR_OK
             ? buf_addf(b,
                        ") sedangkan %s kekurangan %lld (kebutuhan "
                        "%lld, bezetting %lld, ",
                        unit_name(p, m->to_pair), (long long)(t->n - m->h_to),
                        (long long)t->n, (long long)m->h_to)
             : rc;
    rc = rc == ERR_OK ? add_ej(b, p, m->to_pair, m->h_to) : rc;
    rc = rc == ERR_OK ? buf_adds(b, ")") : rc;
    rc = rc == ERR_OK ? add_person_reasons(b, p, m) : rc;
    rc = rc == ERR_OK ? buf_adds(b, "; jarak ") : rc;
    rc = rc == ERR_OK ? add_id_number(b, m->km_centi, 2) : rc;
    rc = rc == ERR_OK
             ? buf_addf(b, " km; mengisi formasi ke-%d senilai ", m->slot)
             : rc;
    rc = rc == ERR_OK ? add_id_number(b, m->value, 0) : rc;
    rc = rc == ERR_OK ? buf_adds(b, " dengan biaya ") : rc;
    rc = rc == ERR_OK ? add_id_number(b, m->cost, 0) : rc;
    rc = rc == ERR_OK ? buf_adds(b, ", menambah ") : rc;
    rc = rc == ERR_OK ? add_id_number(b, m->value - m->cost, 0) : rc;
    rc = rc == ERR_OK ? buf_adds(b, " pada nilai rencana") : rc;
    if (rc == ERR_OK && m->sementara_sampai != DATE_NONE) {
        char day[DATE_STR_LEN];
        date_format(m->sementara_sampai, day);
        rc = buf_addf(b,
                      "; penugasan sementara sampai %s selama lonjakan "
                      "beban kerja",
                      day);
    }
    return rc == ERR_OK ? buf_adds(b, ".") : rc;
}

enum err
plan_move_text(const struct plan_problem *p, const struct plan_result *r,
               const struct plan_move *m, struct buf *out)
{
    if (m->aps) {
        return plan_voluntary_text(p, r, m, out);
    }
    return directed_text(p, m, out);
}

/* The clause of reason 'k' for staff 'i' who stays. */
static enum err
add_reason(struct buf *b, const struct plan_problem *p, size_t i,
           enum plan_reason k)
{
    const struct plan_staff *e = &p->staff[i];
    const struct plan_pair *x = &p->pairs[e->pair];
    char day[DATE_STR_LEN];
    switch (k) {
    case PLAN_R_STATUS:
        return buf_addf(b, "berstatus %s, yang tidak dimutasi",
                        model_enum_name(&model_status, (int)e->status));
    case PLAN_R_MASA_KERJA_UNIT:
        if (!e->current) {
            return buf_adds(b, "penempatan barunya belum berlaku pada "
                               "tanggal rencana");
        }
        return buf_addf(b, "baru %d bulan di unitnya (paling sedikit %d)",
                        date_months_between(e->tmt_unit, p->day),
                        p->s->min_bulan_unit);
    case PLAN_R_PENSIUN:
        date_format(e->tmt_pensiun, day);
        return buf_addf(b,
                        "pensiun pada %s, dalam %d bulan setelah tanggal "
                        "rencana",
                        day, p->s->pensiun_bulan);
    case PLAN_R_HUKUMAN_DISIPLIN:
        return buf_adds(b, "sedang menjalani hukuman disiplin atau "
                           "pemeriksaan");
    case PLAN_R_TUGAS_BELAJAR:
        return buf_adds(b, "sedang tugas belajar");
    case PLAN_R_IKATAN_10_TAHUN:
        date_format(plan_bond_end(p, i), day);
        return buf_addf(b, "masih terikat masa kerja sampai %s", day);
    case PLAN_R_JABATAN_STRUKTURAL:
        return buf_adds(b, "jabatan struktural diisi melalui seleksi "
                           "terbuka, bukan oleh perencana");
    case PLAN_R_ABK_ASAL:
        if (!x->analysed) {
            return buf_addf(b, "%s di %s belum dianalisis beban kerjanya",
                            jab_name(p, e->pair), unit_name(p, e->pair));
        }
        return buf_addf(b,
                        "%s tidak kelebihan %s (kebutuhan %lld, bezetting "
                        "%lld)",
                        unit_name(p, e->pair), jab_name(p, e->pair),
                        (long long)x->n, (long long)x->h);
    case PLAN_R_TIDAK_ADA_KEKURANGAN:
        return buf_adds(b, "tidak ada unit lain di pemerintah daerahnya yang "
                           "kekurangan jabatan ini");
    case PLAN_R_KOMPETENSI:
        return buf_adds(b, "tidak memiliki kompetensi yang disyaratkan unit "
                           "yang kekurangan");
    case PLAN_R_TERLALU_JAUH:
        return buf_adds(b, "semua unit yang kekurangan lebih jauh dari batas "
                           "jarak rencana");
    case PLAN_R_LEBIH_MAHAL:
        return buf_adds(b, "kekurangan yang terjangkau sudah diisi pegawai "
                           "lain dengan biaya lebih rendah (lebih dekat atau "
                           "lebih lama di unit)");
    default:
        return buf_adds(b, plan_reason_code(k));
    }
}

enum err
plan_explain(const struct plan_problem *p, const struct plan_result *r,
             size_t i, unsigned *reasons, struct buf *out)
{
    if (r->move_of[i] >= 0) {
        const struct plan_move *m = &r->moves[r->move_of[i]];
        *reasons = m->reasons;
        return plan_move_text(p, r, m, out);
    }
    unsigned directed = r->why_not[i];
    unsigned aps = r->why_not_aps[i];
    *reasons = directed | aps;
    enum err rc = buf_adds(out, "Tidak dipindahkan: ");
    bool first = true;
    /* A requester's answer comes first; the APS-only rules of a requester
     * not in R come with the others. */
    if (rc == ERR_OK && r->rank[i] >= 0) {
        rc = plan_voluntary_reason(out, p, r, i);
        first = false;
    }
    unsigned set = directed | (r->rank[i] < 0 ? aps : 0);
    for (int k = 0; k < PLAN_R_N && rc == ERR_OK; k++) {
        if (!(set & PLAN_BIT(k))) {
            continue;
        }
        rc = first ? ERR_OK : buf_adds(out, "; ");
        rc = rc == ERR_OK ? add_reason(out, p, i, (enum plan_reason)k) : rc;
        first = false;
    }
    if (first && rc == ERR_OK) {
        rc = buf_adds(out, "tidak diperlukan oleh rencana ini");
    }
    return rc == ERR_OK ? buf_adds(out, ".") : rc;
}
