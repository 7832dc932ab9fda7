/* SPDX-License-Identifier: MIT */
/* tenang: decisions inside an election period (service layer; domain.md
 * section 5, UU 10/2016 art. 71(2) and 162(3)). The regional head may not
 * replace officials inside a period (setting masa_tenang) without the
 * written approval of the Minister of Home Affairs (Mendagri). The act is
 * the decision, so the day that counts is the day the decision is taken
 * (date_today()), not the TMT: a decree signed inside a period with a TMT
 * after it still replaces officials inside it.
 *
 * Officials: jabatan of kind JPT, administrator or pengawas, and the
 * functional posts with an added duty as head listed in the setting
 * jabatan_kepala (KEPALA_SEKOLAH, KEPALA_PUSKESMAS). A move changes an
 * official's post when its origin or its destination jabatan is one. Moves
 * of other staff are not affected.
 *
 * A decision inside a period with such a move is refused, the whole of
 * it, naming each official's move: the PPK either strikes those moves and
 * decides the rest, or records the Minister's approval (number, date not
 * after the decision's day, PDF) with it. The approval is stored with the
 * decision (store_izin_add()) and audited, and the report to the Ministry,
 * due within 7 working days, is drafted as a PDF (tenang_report_write()).
 * The doors only parse and answer. */
#ifndef MUTASI_TENANG_H
#define MUTASI_TENANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"

struct store;
struct json_obj;
struct masa_tenang;
struct masa_tenang_list;

/* The Minister's written approval as the PPK gives it (borrowed). */
struct tenang_izin {
    const char *nomor; /* Its number. */
    int32_t tanggal;   /* Its date (date.h); DATE_NONE when not given. */
    const void *pdf;   /* The letter, a PDF. */
    size_t pdf_len;
};

/* One move of a decision (borrowed strings). */
struct tenang_move {
    const char *nip;
    const char *nama;
    const char *jabatan_asal;
    const char *jabatan_tujuan;
    const char *unit_asal;
    const char *unit_tujuan;
};

/* A decision about to be written. */
struct tenang_decision {
    const char *plan;  /* Its record: the plan, or "permohonan-ID". */
    const char *actor; /* Who decides (recorded with the approval). */
    int32_t day;       /* The day it is taken. */
    const struct tenang_move *moves;
    size_t n_moves;
    const struct tenang_izin *izin; /* NULL when none is given. */
};

/* The election periods in force (setting masa_tenang) into '*out'. A
 * damaged stored value counts as none. ERR_DB. */
MUST_USE enum err tenang_periods(struct store *st,
                                 struct masa_tenang_list *out);
/* Flag in 'official' (one per move) the moves of 'd' that change an
 * official's post. ERR_DB. */
MUST_USE enum err tenang_officials(struct store *st,
                                   const struct tenang_move *moves,
                                   size_t n_moves, bool *official);

/* Apply the rule to decision 'd' inside the caller's transaction. Outside
 * every period, or without an official's move, ERR_OK and nothing is
 * written (an approval given then is not needed and not kept). Inside one
 * with such moves: without an approval ERR_INVAL, the reason (period,
 * each official's move by NIP and jabatan) in 'why' ('why_len' bytes) and
 * those moves flagged in 'official' (one per move; may be NULL); with an
 * approval whose number is empty, whose date is after 'd->day' or whose
 * file is not a PDF, ERR_INVAL likewise; else the approval and the
 * officials' moves are recorded with their audit entry. ERR_DB. */
MUST_USE enum err tenang_decide(struct store *st,
                                const struct tenang_decision *d, bool *official,
                                char *why, size_t why_len);

/* The periods and what they mean for saved plan 'plan' (NULL: none) as
 * of today into 'o': "hari_ini", "periode" (the one in force or the next
 * one: {"label", "dari", "sampai", "aktif"}, or null), "semua" (every
 * period), and for a plan "pejabat" (its officials' moves still to
 * decide or decided: {"nip", "nama", "jabatan_asal", "jabatan_tujuan"})
 * and "izin" (the approval recorded with its decision, or null).
 * ERR_NOTFOUND for an unknown plan; ERR_DB. */
MUST_USE enum err tenang_json(struct store *st, const char *plan,
                              struct json_obj *o);

/* Write the report to the Minister of Home Affairs about decision 'plan'
 * to 'f' (PDF), registered as laporan_mendagri (docreg.h; 'actor' prints
 * it): the period, the decision (record, SK number, day), each
 * official's move (name, NIP, old and new jabatan and unit), the
 * approval's number and date and the day the report is due
 * (MASA_TENANG_LAPOR_HARI working days after the decision). ERR_NOTFOUND
 * (reason in 'why', 'why_len' bytes) when the decision recorded no
 * approval (it was not taken inside a period or moved no official). */
MUST_USE enum err tenang_report_write(struct store *st, const char *plan,
                                      const char *actor, FILE *f, char *why,
                                      size_t why_len);

#endif
