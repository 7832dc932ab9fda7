/* SPDX-License-Identifier: MIT */
/* decision: a plan's way to a decision (service layer; domain.md section
 * 5, contract sections 2 and 7), shared by the API and the shell:
 *   draf -> diterbitkan (publish; the moved employees and the heads of the
 *   receiving OPDs answer setuju/keberatan until the deadline) -> the TPK
 *   decides every move and answers every objection, closing numbers the
 *   minutes -> dipertimbangkan -> the PPK approves from a TMT (striking
 *   single moves with a reason) -> ditetapkan, or returns the plan ->
 *   dikembalikan.
 * A move refused or struck takes the moves that depend on it along: the
 * caller is told that set and confirms it. Before an approval writes
 * anything, the moves that remain are checked on that day's data against
 * every rule of the planner (no unit worse off, eligibility,
 * competencies). Every step runs in one transaction with its audit entry;
 * the role is checked before the status. */
#ifndef MUTASI_DECISION_H
#define MUTASI_DECISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;
struct store_request;
struct tenang_izin;

/* Who acts. */
struct decision_actor {
    const char *login; /* "cli:<user>" from the shell. */
    int role;          /* enum auth_role bit. */
    const char *nip;   /* A pegawai's own NIP; else "" or NULL. */
    const char *unit;  /* A head's unit; else "" or NULL. */
};

/* What a step answers besides its code. */
struct decision_outcome {
    char why[512]; /* For people, when it failed. */
    char **nips;   /* The moves concerned: the dependent set to
                    * confirm, or the moves at fault (owned). */
    size_t n_nips;
    char sk_nomor[128];        /* approve: the decree's number. */
    char ba_nomor[128];        /* consider with close: the minutes' number. */
    bool teacher_off_semester; /* approve: a teacher moves off 1 Jan/Jul. */
};
/* Add 'nip' to o->nips (once). */
void decision_outcome_add(struct decision_outcome *o, const char *nip);
/* Free the lists of 'o'; accepts NULL. */
void decision_outcome_cleanup(struct decision_outcome *o);

/* Publish draft plan 'name' (bkpsdm) with answers due by 'tenggat' (a
 * date.h day; DATE_NONE: 14 days from today). ERR_CONFLICT unless draf;
 * ERR_INVAL for a plan without moves or a deadline in the past. */
MUST_USE enum err decision_publish(struct store *st,
                                   const struct decision_actor *a,
                                   const char *name, int32_t tenggat,
                                   struct decision_outcome *out);

/* An answer to a move of published plan 'name': a pegawai about their own
 * ('nip' NULL), or the head of the OPD a move enters ('nip' given).
 * 'tanggapan' setuju or keberatan (which needs 'catatan'). ERR_NOTFOUND
 * when the plan moves nobody the caller may answer for; ERR_CONFLICT
 * after the deadline or out of status diterbitkan. */
MUST_USE enum err decision_respond(struct store *st,
                                   const struct decision_actor *a,
                                   const char *name, const char *nip,
                                   const char *tanggapan, const char *catatan,
                                   struct decision_outcome *out);

/* The TPK's word on one move. */
struct decision_item {
    const char *nip;
    const char *keputusan; /* setuju or tolak. */
    const char *catatan;   /* The note; required with tolak. */
    const char *tanggapan; /* The answer to the objections; may be NULL. */
};

/* The TPK's session on published plan 'name' (tpk): record 'items'; with
 * 'close', every move must be decided and every objection answered, the
 * minutes are numbered and the plan becomes dipertimbangkan. A refusal
 * whose dependent moves are not refused too answers ERR_CONFLICT with
 * them in out->nips, unless 'follow' (then they are refused with a note
 * naming the move they depend on). ERR_INVAL (with the moves in
 * out->nips) for an incomplete close. */
MUST_USE enum err decision_consider(struct store *st,
                                    const struct decision_actor *a,
                                    const char *name,
                                    const struct decision_item *items,
                                    size_t n_items, bool close, bool follow,
                                    struct decision_outcome *out);

/* A move the PPK strikes, with the reason. */
struct decision_strike {
    const char *nip;
    const char *alasan;
};

/* The PPK's decision on plan 'name' (ppk, not an account that took part
 * in the TPK's session): from 'tmt' (the 1st of a month, not before this
 * month), the moves the TPK agreed less 'strikes' (and what depends on
 * them, which 'follow' confirms as for decision_consider()) enter the
 * records; the requests they grant become ditetapkan, the others that the
 * plan considered stay diverifikasi with the plan's answer in their
 * timeline; the decree is numbered. ERR_CONFLICT (moves in out->nips)
 * when a remaining move breaks a rule on today's data. */
MUST_USE enum err decision_approve(struct store *st,
                                   const struct decision_actor *a,
                                   const char *name, int32_t tmt,
                                   const struct decision_strike *strikes,
                                   size_t n_strikes, bool follow,
                                   struct decision_outcome *out);

/* The PPK's decision with everything it may carry. */
struct decision_approval {
    int32_t tmt;
    const struct decision_strike *strikes;
    size_t n_strikes;
    bool follow;
    /* The Minister's written approval (tenang.h); NULL when none. */
    const struct tenang_izin *izin;
};

/* As decision_approve() with 'in'; besides, a decision taken today
 * inside an election period that changes an official's post is refused
 * with ERR_INVAL (the officials' moves in out->nips) unless 'in->izin'
 * holds the Minister's written approval, which is then recorded with the
 * decision (tenang.h). */
MUST_USE enum err decision_approve_with(struct store *st,
                                        const struct decision_actor *a,
                                        const char *name,
                                        const struct decision_approval *in,
                                        struct decision_outcome *out);

/* The PPK returns plan 'name' (dipertimbangkan) to BKPSDM with 'catatan'
 * (required): it becomes dikembalikan. */
MUST_USE enum err decision_return(struct store *st,
                                  const struct decision_actor *a,
                                  const char *name, const char *catatan,
                                  struct decision_outcome *out);

/* Run published plan 'name' again as 'new_name' (bkpsdm) with what the
 * TPK decided so far fixed: the moves it agreed are kept (as agreed), the
 * employees of refused moves stay, and the planner fills the rest again
 * on today's data with the plan's own date and settings. The old plan is
 * no longer considered: it becomes dikembalikan with a note naming the
 * new one. ERR_EXISTS when 'new_name' is taken. */
MUST_USE enum err decision_rerun(struct store *st,
                                 const struct decision_actor *a,
                                 const char *name, const char *new_name,
                                 struct decision_outcome *out);

/* Decide request 'r' (dipertimbangkan, received into r->tujuan) alone
 * from 'tmt': the move enters the record from the TMT and gets its own
 * decision record (a plan named "permohonan-ID" with that one move), so
 * that its SK and Petikan are written as a plan's. Inside the caller's
 * transaction. The number into 'sk_nomor' and the record's name into
 * 'plan' (80 bytes each at least). ERR_CONFLICT (why in 'why', 512 bytes)
 * when the employee no longer stands where the request says; ERR_INVAL
 * when today lies in an election period and the move changes an
 * official's post without the Minister's approval 'izin' (may be NULL;
 * tenang.h). */
MUST_USE enum err decision_single(struct store *st, const char *actor,
                                  const struct store_request *r, int32_t tmt,
                                  const struct tenang_izin *izin,
                                  char *sk_nomor, char *plan, char *why);

/* ERR_OK when 'tmt' may take effect: the 1st of a month, not before the
 * month of today; else ERR_INVAL with the reason in 'why' (256 bytes). */
MUST_USE enum err decision_tmt_ok(int32_t tmt, char *why);

#endif
