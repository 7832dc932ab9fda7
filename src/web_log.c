/* SPDX-License-Identifier: MIT */
/* web_log: see web_log.h. */
#include "web_log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"

#define LINE_MAX_BYTES 2048

struct web_log {
    char *path;
    int fd;
    pthread_mutex_t lock; /* Guards 'fd' against a reopen. */
};

static int
open_fd(const char *path)
{
    return open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

enum err
web_log_open(const char *path, struct web_log **out, char *why, size_t len)
{
    int fd = open_fd(path);
    if (fd < 0) {
        snprintf(why, len, "%s: %s", path, strerror(errno));
        return ERR_IO;
    }
    struct web_log *l = xcalloc(1, sizeof(*l));
    l->path = xstrdup(path);
    l->fd = fd;
    pthread_mutex_init(&l->lock, NULL);
    *out = l;
    return ERR_OK;
}

enum err
web_log_reopen(struct web_log *l)
{
    if (l == NULL) {
        return ERR_OK;
    }
    int fd = open_fd(l->path);
    if (fd < 0) {
        return ERR_IO;
    }
    pthread_mutex_lock(&l->lock);
    int old = l->fd;
    l->fd = fd;
    pthread_mutex_unlock(&l->lock);
    close(old);
    return ERR_OK;
}

void
web_log_line(struct web_log *l, const char *fmt, ...)
{
    if (l == NULL) {
        return;
    }
    char line[LINE_MAX_BYTES];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    size_t n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ ", &tm);
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
    va_end(ap);
    if (k < 0) {
        return;
    }
    size_t end =
        n + (size_t)k < sizeof(line) - 1 ? n + (size_t)k : sizeof(line) - 2;
    for (size_t i = n; i < end; i++) {
        if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f) {
            line[i] = ' '; /* One event, one line: no forged lines. */
        }
    }
    line[end++] = '\n';
    pthread_mutex_lock(&l->lock);
    /* O_APPEND and one write: lines of several threads never mix. */
    ssize_t w = write(l->fd, line, end);
    pthread_mutex_unlock(&l->lock);
    (void)w; /* A full disk must not stop the service. */
}

void
web_log_close(struct web_log *l)
{
    if (l == NULL) {
        return;
    }
    close(l->fd);
    pthread_mutex_destroy(&l->lock);
    free(l->path);
    free(l);
}
