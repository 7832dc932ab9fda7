/* SPDX-License-Identifier: MIT */
/* web_log: the server's access and error log (web layer): one file,
 * append only, readable by its owner only, one line per event written in
 * one piece so that lines of several threads never mix; reopened on
 * request (after logrotate moved it: SIGHUP). */
#ifndef MUTASI_WEB_LOG_H
#define MUTASI_WEB_LOG_H

#include <stddef.h>

#include "err.h"

struct web_log;

/* Open (create 0600, append) the log 'path' into '*out'. ERR_IO with the
 * reason in 'why' ('len' bytes) when it cannot be opened. */
MUST_USE enum err web_log_open(const char *path, struct web_log **out,
                               char *why, size_t len);
/* Close the file and open 'path' again (a new file after a rotation).
 * ERR_IO when the new file cannot be opened: the old one stays in use. */
MUST_USE enum err web_log_reopen(struct web_log *l);
/* Write one line: the time (UTC, ISO 8601), a space, then the text of
 * 'fmt'. Newlines and control characters in the text become spaces.
 * Accepts a NULL 'l' (no log). */
void web_log_line(struct web_log *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Close the log and free it; accepts NULL. */
void web_log_close(struct web_log *l);

#endif
