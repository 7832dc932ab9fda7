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
#include "plan_text.h"
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
    "skp",
    "syarat_jabatan",
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
    /* Staff are in NIP order and their pairs all over a nation's 1.8 M:
     * each pair is asked for PREFETCH_AHEAD staff before it is read, so
     * the loop does not wait on one cache miss after another. */
    enum { PREFETCH_AHEAD = 16 };
    for (size_t i = 0; i < p->n_staff; i++) {
        if (i + PREFETCH_AHEAD < p->n_staff) {
            __builtin_prefetch(&p->pairs[p->staff[i + PREFETCH_AHEAD].pair]);
        }
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

/* The place of unit 'unit' in staff 'i''s request list (1-based), or 0. */
static int
request_place(const struct plan_problem *p, size_t i, size_t unit)
{
    const struct plan_request *q = plan_request_of(p, i);
    for (int k = 0; q != NULL && k < q->n_pilihan; k++) {
        if (q->pilihan[k] == (long)unit) {
            return k + 1;
        }
    }
    return 0;
}

/* "Dipindahkan dari A ke B sebagai J" with a temporary assignment's end
 * and a change of jabatan named as such. */
static enum err
add_what(struct buf *b, const struct plan_problem *p, const struct plan_move *m)
{
    bool temp = m->sementara_sampai != DATE_NONE;
    enum err rc =
        buf_addf(b, "%s dari %s ke %s sebagai %s",
                 temp ? "Ditugaskan sementara" : "Dipindahkan",
                 plan_text_unit(p, m->from_pair), plan_text_unit(p, m->to_pair),
                 plan_text_jab(p, m->to_pair));
    if (rc == ERR_OK && temp) {
        rc = buf_adds(b, " sampai ");
        rc = rc == ERR_OK ? plan_text_date(b, m->sementara_sampai) : rc;
        rc = rc == ERR_OK ? buf_adds(b, " selama lonjakan beban kerja") : rc;
    }
    if (rc == ERR_OK &&
        p->pairs[m->from_pair].jab != p->pairs[m->to_pair].jab) {
        rc = buf_addf(b,
                      " (mutasi jabatan dari %s menjadi %s; jabatan setara: "
                      "kelompok dan jenjang yang sama; memenuhi syarat "
                      "jabatan %s: ",
                      plan_text_jab(p, m->from_pair),
                      plan_text_jab(p, m->to_pair),
                      plan_text_jab(p, m->to_pair));
        rc = rc == ERR_OK
                 ? plan_text_syarat(b, p, m->staff, p->pairs[m->to_pair].jab)
                 : rc;
        if (rc == ERR_OK && p->jabs[p->pairs[m->to_pair].jab].kompetensi) {
            rc = buf_adds(b, ", dan memiliki kompetensi yang disyaratkan");
        }
        rc = rc == ERR_OK ? buf_adds(b, ")") : rc;
    }
    return rc;
}

/* Why there and what it changes: both pairs' workload and gaps. */
static enum err
add_need(struct buf *b, const struct plan_problem *p,
         const struct plan_result *r, const struct plan_move *m)
{
    enum err rc =
        buf_addf(b,
                 ", karena menurut analisis beban kerja %s "
                 "kekurangan %s (",
                 plan_text_unit(p, m->to_pair), plan_text_jab(p, m->to_pair));
    rc = rc == ERR_OK ? plan_text_abk(b, p, m->to_pair, m->h_to) : rc;
    rc = rc == ERR_OK ? buf_addf(b, ") dan %s kelebihan %s (",
                                 plan_text_unit(p, m->from_pair),
                                 plan_text_jab(p, m->from_pair))
                      : rc;
    rc = rc == ERR_OK ? plan_text_abk(b, p, m->from_pair, m->h_from) : rc;
    rc = rc == ERR_OK ? buf_addf(b, "); dengan rencana ini %s di %s ",
                                 plan_text_jab(p, m->to_pair),
                                 plan_text_unit(p, m->to_pair))
                      : rc;
    rc = rc == ERR_OK
             ? plan_text_gap(b, p, m->to_pair, m->h_to, r->h_after[m->to_pair])
             : rc;
    rc = rc == ERR_OK
             ? buf_addf(b, " dan %s di %s ", plan_text_jab(p, m->from_pair),
                        plan_text_unit(p, m->from_pair))
             : rc;
    return rc == ERR_OK ? plan_text_gap(b, p, m->from_pair, m->h_from,
                                        r->h_after[m->from_pair])
                        : rc;
}

/* An SKP rating as prose writes it ("butuh perbaikan"). */
static const char *
skp_word(enum skp_predikat v)
{
    static const char *const words[] = {
        "sangat kurang", "kurang", "butuh perbaikan", "baik", "sangat baik"};
    return (unsigned)v < 5 ? words[v] : "";
}

/* Why this person: tenure and rotation, their own request, the SKP,
 * distance. */
static enum err
add_person_reasons(struct buf *b, const struct plan_problem *p,
                   const struct plan_move *m)
{
    enum err rc = buf_adds(b, "; pegawai ini dipilih karena ");
    rc = rc == ERR_OK ? plan_text_tenure(b, p, m->staff) : rc;
    int place = request_place(p, m->staff, p->pairs[m->to_pair].unit);
    if (rc == ERR_OK && place > 0) {
        rc = buf_addf(b,
                      "; unit tujuan adalah pilihan ke-%d dalam permohonan "
                      "pindahnya",
                      place);
    }
    rc = rc == ERR_OK ? buf_adds(b, "; kinerjanya: ") : rc;
    rc = rc == ERR_OK ? plan_text_skp(b, p, m->staff) : rc;
    if (rc == ERR_OK && p->s->skp_directed) {
        rc = buf_addf(b,
                      " (penugasan di instansi ini mensyaratkan minimal "
                      "%s di tiap tahun)",
                      skp_word(p->s->skp_min_aps));
    }
    rc = rc == ERR_OK ? buf_adds(b, "; ") : rc;
    rc = rc == ERR_OK ? plan_text_km(b, m) : rc;
    if (rc == ERR_OK && (m->reasons & PLAN_BIT(PLAN_R_JARAK_TERDEKAT))) {
        rc = buf_adds(b, ", dan tidak ada calon lain yang memenuhi syarat "
                         "dan tidak dipindahkan yang lebih dekat ke unit "
                         "tujuan");
    }
    return rc;
}

static enum err
directed_text(const struct plan_problem *p, const struct plan_result *r,
              const struct plan_move *m, struct buf *b)
{
    enum err rc = add_what(b, p, m);
    rc = rc == ERR_OK ? add_need(b, p, r, m) : rc;
    rc = rc == ERR_OK ? add_person_reasons(b, p, m) : rc;
    return rc == ERR_OK ? buf_adds(b, ".") : rc;
}

enum err
plan_move_text(const struct plan_problem *p, const struct plan_result *r,
               const struct plan_move *m, struct buf *out)
{
    if (m->aps) {
        return plan_voluntary_text(p, r, m, out);
    }
    return directed_text(p, r, m, out);
}

/* Who fills a structural post of kind 'j', and by which rule. */
static const char *
struktural_words(enum jabatan_jenis j)
{
    if (j == JAB_JPT) {
        return "jabatan pimpinan tinggi diisi melalui seleksi terbuka "
               "(PermenPANRB 15/2019), bukan oleh perencanaan mutasi ini";
    }
    if (j == JAB_ADMINISTRATOR) {
        return "jabatan administrator diisi oleh PPK setelah pertimbangan "
               "TPK melalui manajemen talenta (PermenPANRB 3/2020), bukan "
               "oleh perencanaan mutasi ini";
    }
    return "jabatan pengawas diisi oleh PPK setelah pertimbangan TPK "
           "melalui manajemen talenta (PermenPANRB 3/2020), bukan oleh "
           "perencanaan mutasi ini";
}

/* The clauses of the eligibility rules (domain.md section 5), each with
 * its source. */
static enum err
add_rule(struct buf *b, const struct plan_problem *p, size_t i,
         enum plan_reason k)
{
    const struct plan_staff *e = &p->staff[i];
    enum err rc = ERR_OK;
    switch (k) {
    case PLAN_R_STATUS:
        if (e->status == STATUS_CPNS) {
            return buf_adds(b, "berstatus CPNS (masa percobaan), yang belum "
                               "dapat dipindahkan");
        }
        if (e->status == STATUS_PPPK_PW && !p->s->pppk_pw_boleh) {
            return buf_adds(b, "berstatus PPPK paruh waktu (KepmenPANRB "
                               "16/2025), yang tidak dipindahkan oleh "
                               "perencanaan mutasi");
        }
        if (model_status_is_pppk(e->status) &&
            (e->status == STATUS_PPPK_PW || p->s->pppk_boleh)) {
            return buf_addf(b,
                            "berstatus %s, yang hanya dapat dipindahkan "
                            "antarunit di instansinya dalam jabatan yang "
                            "sama, sedangkan kekurangan yang ada hanya pada "
                            "jabatan lain yang setara",
                            e->status == STATUS_PPPK ? "PPPK"
                                                     : "PPPK paruh waktu");
        }
        return buf_adds(b, "berstatus PPPK, yang menurut pengaturan instansi "
                           "ini tidak dipindahkan");
    case PLAN_R_SKP:
        rc = plan_text_skp(b, p, i);
        return rc == ERR_OK
                   ? buf_addf(b,
                              ", sedangkan %s mensyaratkan SKP minimal %s di "
                              "tiap dua tahun terakhir (Peraturan BKN 5/2019)",
                              plan_n_pilihan(p, i) > 0
                                  ? "pindah atas permintaan sendiri"
                                  : "penugasan di instansi ini",
                              skp_word(p->s->skp_min_aps))
                   : rc;
    case PLAN_R_MASA_KERJA_UNIT: {
        if (!e->current) {
            return buf_adds(b, "penempatan barunya belum berlaku pada "
                               "tanggal rencana");
        }
        int months = date_months_between(e->tmt_unit, p->day);
        rc = buf_adds(b, "baru ");
        rc = rc == ERR_OK ? plan_text_months(b, months > 0 ? months : 0) : rc;
        rc = rc == ERR_OK ? buf_adds(b, " di unit ini, sedangkan masa kerja "
                                        "di unit minimal ")
                          : rc;
        rc = rc == ERR_OK ? plan_text_months(b, p->s->min_bulan_unit) : rc;
        return rc == ERR_OK ? buf_adds(b, " (PP 11/2017 Pasal 190)") : rc;
    }
    case PLAN_R_PENSIUN:
        rc = buf_adds(b, "pensiun pada ");
        rc = rc == ERR_OK ? plan_text_date(b, e->tmt_pensiun) : rc;
        rc = rc == ERR_OK ? buf_adds(b, " (batas usia pensiun, PP 11/2017 "
                                        "Pasal 239), kurang dari ")
                          : rc;
        rc = rc == ERR_OK ? plan_text_months(b, p->s->pensiun_bulan) : rc;
        return rc == ERR_OK ? buf_adds(b, " setelah tanggal rencana") : rc;
    case PLAN_R_HUKUMAN_DISIPLIN:
        return buf_adds(b, "sedang menjalani hukuman disiplin atau dalam "
                           "pemeriksaan, sedangkan pegawai yang pindah tidak "
                           "boleh sedang dalam proses atau menjalani hukuman "
                           "disiplin (Peraturan BKN 5/2019)");
    case PLAN_R_TUGAS_BELAJAR:
        return buf_adds(b, "sedang tugas belajar, dibebaskan dari jabatannya "
                           "dan tidak dapat dipindahkan (Peraturan BKN "
                           "5/2019)");
    case PLAN_R_IKATAN_10_TAHUN:
        rc = buf_addf(b,
                      "diangkat dari formasi tahun %d atau sesudahnya, yang "
                      "terikat masa kerja %d tahun sebelum boleh pindah atas "
                      "permintaan sendiri (surat pernyataan saat pengadaannya "
                      "sebagai ASN), sampai ",
                      p->s->aps_ikatan_formasi, p->s->aps_ikatan_tahun);
        return rc == ERR_OK ? plan_text_date(b, plan_bond_end(p, i)) : rc;
    case PLAN_R_JABATAN_STRUKTURAL:
        return buf_adds(b,
                        struktural_words(p->jabs[p->pairs[e->pair].jab].jenis));
    default:
        return buf_adds(b, plan_reason_code(k));
    }
}

/* The clause of reason 'k' for staff 'i' who stays. */
static enum err
add_reason(struct buf *b, const struct plan_problem *p,
           const struct plan_result *r, size_t i, enum plan_reason k)
{
    const struct plan_staff *e = &p->staff[i];
    const struct plan_pair *x = &p->pairs[e->pair];
    enum err rc = ERR_OK;
    switch (k) {
    case PLAN_R_ABK_ASAL:
        if (!x->analysed) {
            return buf_addf(b,
                            "%s di %s belum dianalisis beban kerjanya, "
                            "sedangkan setiap mutasi harus didukung analisis "
                            "beban kerja",
                            plan_text_jab(p, e->pair),
                            plan_text_unit(p, e->pair));
        }
        rc = buf_addf(b, "menurut analisis beban kerja %s tidak kelebihan %s (",
                      plan_text_unit(p, e->pair), plan_text_jab(p, e->pair));
        rc = rc == ERR_OK ? plan_text_abk(b, p, e->pair, r->h_after[e->pair])
                          : rc;
        return rc == ERR_OK ? buf_adds(b, ")") : rc;
    case PLAN_R_TIDAK_ADA_KEKURANGAN:
        return buf_addf(b,
                        "tidak ada unit lain di pemerintah daerahnya yang "
                        "kekurangan %s atau jabatan yang setara",
                        plan_text_jab(p, e->pair));
    case PLAN_R_KOMPETENSI:
        return buf_adds(b, "tidak memiliki kompetensi yang disyaratkan "
                           "jabatan di unit yang kekurangan");
    case PLAN_R_SYARAT_JABATAN:
        return buf_addf(b,
                        "kekurangan yang ada hanya pada jabatan lain yang "
                        "setara, dan pegawai ini tidak memenuhi syarat "
                        "jabatan itu (pendidikan minimal atau rentang "
                        "golongan; pendidikannya %s, golongannya %s)",
                        e->pendidikan >= 0
                            ? model_enum_name(&model_pendidikan, e->pendidikan)
                            : "tidak tercatat",
                        e->golongan >= 0
                            ? model_enum_name(&model_golongan_pns, e->golongan)
                            : "tidak ada");
    case PLAN_R_TERLALU_JAUH:
        return buf_adds(b, "semua unit yang kekurangan lebih jauh dari batas "
                           "jarak rencana");
    case PLAN_R_LEBIH_MAHAL:
        return buf_adds(b, "kekurangan yang dapat diisinya sudah diisi "
                           "pegawai lain yang lebih tepat (lebih dekat, lebih "
                           "lama di unitnya, atau memohon unit itu), atau "
                           "terlalu jauh dibanding kekurangannya");
    default:
        return add_rule(b, p, i, k);
    }
}

/* The lowest code of 'set' (contract order), or -1. */
static int
first_of(unsigned set)
{
    for (int k = 0; k < PLAN_R_N; k++) {
        if (set & PLAN_BIT(k)) {
            return k;
        }
    }
    return -1;
}

size_t
plan_reasons_order(unsigned set, int deciding, enum plan_reason *out)
{
    size_t n = 0;
    int lead =
        deciding >= 0 && deciding < PLAN_R_N && (set & PLAN_BIT(deciding))
            ? deciding
            : -1;
    if (lead >= 0) {
        out[n++] = (enum plan_reason)lead;
    }
    for (int k = 0; k < PLAN_R_N; k++) {
        if ((set & PLAN_BIT(k)) && k != lead) {
            out[n++] = (enum plan_reason)k;
        }
    }
    return n;
}

/* The deciding reason of staff 'i' who stays (plan.h). */
static int
stay_deciding(const struct plan_result *r, size_t i, unsigned set)
{
    if (r->rank[i] >= 0) {
        for (int k = 0; k < MODEL_MAX_PILIHAN; k++) {
            if (r->choice_why[i][k] != PLAN_CHOICE_NONE) {
                return r->choice_why[i][k];
            }
        }
    }
    return first_of(set);
}

enum err
plan_explain(const struct plan_problem *p, const struct plan_result *r,
             size_t i, struct plan_why *why, struct buf *out)
{
    if (r->move_of[i] >= 0) {
        const struct plan_move *m = &r->moves[r->move_of[i]];
        why->set = m->reasons;
        why->deciding = m->deciding;
        return plan_move_text(p, r, m, out);
    }
    unsigned directed = r->why_not[i];
    unsigned aps = r->why_not_aps[i];
    why->set = directed | aps;
    why->deciding = stay_deciding(r, i, why->set);
    enum err rc = buf_adds(out, "Tidak dipindahkan: ");
    bool first = true;
    /* A requester's answer comes first; the APS-only rules of a requester
     * not in R come with the others. */
    if (rc == ERR_OK && r->rank[i] >= 0) {
        rc = plan_voluntary_reason(out, p, r, i);
        first = false;
    }
    unsigned set = directed | (r->rank[i] < 0 ? aps : 0);
    enum plan_reason order[PLAN_R_N];
    size_t n = plan_reasons_order(set, why->deciding, order);
    for (size_t k = 0; k < n && rc == ERR_OK; k++) {
        rc = first ? ERR_OK : buf_adds(out, "; ");
        rc = rc == ERR_OK ? add_reason(out, p, r, i, order[k]) : rc;
        first = false;
    }
    if (first && rc == ERR_OK) {
        rc = buf_adds(out, "tidak diperlukan oleh rencana ini");
    }
    return rc == ERR_OK ? buf_adds(out, ".") : rc;
}
