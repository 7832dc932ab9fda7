/* SPDX-License-Identifier: MIT */
/* web_scope: which units and employees a caller may see (web layer;
 * domain.md section 1). Scope is enforced here only; handlers ask before
 * they answer. */
#ifndef MUTASI_WEB_SCOPE_H
#define MUTASI_WEB_SCOPE_H

#include "err.h"

struct web_call;

/* ERR_OK when the caller may see unit 'unit' and its staff: bkpsdm and
 * tpk and ppk all, kepala_unit its own subtree; ERR_NOTFOUND otherwise (a
 * refusal does not tell whether the unit exists) or ERR_DB. */
MUST_USE enum err web_scope_unit(const struct web_call *c, const char *unit);
/* ERR_OK when the caller may see employee 'nip' posted at 'unit': a
 * pegawai only themselves; others as web_scope_unit(). */
MUST_USE enum err web_scope_employee(const struct web_call *c, const char *nip,
                                     const char *unit);
/* The subtree that caller 'c' lists into '*root': the unit of ?unit=,
 * which must be in scope (else the error of web_scope_unit(), with
 * '*root' set all the same); without it a kepala_unit's own unit, for
 * others NULL (everything). '*root' lives as long as the call. */
MUST_USE enum err web_scope_root(const struct web_call *c, const char **root);

#endif
