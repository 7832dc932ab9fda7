/* SPDX-License-Identifier: MIT */
/* accounts: two people for every change that could put one person in a
 * decision maker's seat (service layer; issue #18, separation of duties).
 * Through the web app, an administrator only *proposes* to add an account
 * of an HR or decision role (bkpsdm, tpk, ppk, admin), to set a new
 * password for one, or to enable one; a BKPSDM official who is neither
 * the proposer nor the account concerned confirms or refuses it. A new
 * password is made at confirmation and shown only to the confirming
 * official, who hands it over; the administrator never learns it. The
 * shell ('mutasi user') acts directly: whoever holds the server is already
 * the second person. Every step is one transaction with its audit entry
 * (entity "user"). */
#ifndef MUTASI_ACCOUNTS_H
#define MUTASI_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;
struct store_account_change;

/* True for the roles whose accounts need a second person. */
bool accounts_guarded(const char *role);

/* Propose change 'c' (its aksi, login and, for tambah, role, nip, unit)
 * by 'actor'; its id into '*id'. ERR_EXISTS when the same change of that
 * account already waits. */
MUST_USE enum err accounts_propose(struct store *st, const char *actor,
                                   const struct store_account_change *c,
                                   int64_t *id);
/* Confirm waiting proposal 'id' by 'actor' (a BKPSDM official) and carry
 * it out in the same transaction. For tambah and sandi the new password
 * is written to 'password' (17 bytes), else it is "". ERR_NOTFOUND for no
 * proposal; ERR_CONFLICT when it no longer waits or the account changed
 * meanwhile (the login was taken, the account is gone); ERR_DENIED when
 * 'actor' proposed it or is the account concerned. The reason is written
 * to 'why' ('len' bytes) in Bahasa Indonesia. */
MUST_USE enum err accounts_confirm(struct store *st, const char *actor,
                                   int64_t id, char password[17], char *why,
                                   size_t len);
/* Refuse waiting proposal 'id' by 'actor' with reason 'catatan' (the
 * proposer may withdraw it the same way). ERR_NOTFOUND, ERR_CONFLICT as
 * accounts_confirm(); ERR_INVAL without a reason. */
MUST_USE enum err accounts_refuse(struct store *st, const char *actor,
                                  int64_t id, const char *catatan, char *why,
                                  size_t len);

#endif
