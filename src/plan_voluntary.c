/* SPDX-License-Identifier: MIT */
/* plan_voluntary: granting requests (engine layer). */
#include "plan_voluntary.h"

#include "plan.h"

enum err
plan_voluntary_text(const struct plan_problem *p, const struct plan_result *r,
                    const struct plan_move *m, struct buf *out)
{
    (void)r;
    const struct plan_unit *a = &p->units[p->pairs[m->from_pair].unit];
    const struct plan_unit *b = &p->units[p->pairs[m->to_pair].unit];
    return buf_addf(out,
                    "Permohonan pindah atas permintaan sendiri dikabulkan "
                    "pada pilihan ke-%d: dari %s ke %s.",
                    m->pilihan_ke, a->nama, b->nama);
}

enum err
plan_voluntary_reason(struct buf *out, const struct plan_problem *p, size_t i,
                      enum plan_reason k)
{
    (void)p;
    (void)i;
    return buf_adds(out, plan_reason_code(k));
}

enum err
plan_voluntary_run(const struct plan_problem *p, struct plan_voluntary *v)
{
    (void)p;
    (void)v;
    /* TODO(#6): the voluntary rule. */
    return ERR_UNAVAILABLE;
}
