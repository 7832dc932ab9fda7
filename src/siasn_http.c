/* SPDX-License-Identifier: MIT */
/* siasn_http: the SIASN client's HTTP over libcurl (io layer). */
#include "siasn_http.h"

#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

enum err
siasn_http_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? ERR_OK
                                                             : ERR_INTERNAL;
}

static size_t
on_data(char *p, size_t size, size_t n, void *ctx)
{
    struct buf *b = ctx;
    return buf_add(b, p, size * n) == ERR_OK ? size * n : 0;
}

enum err
siasn_http_send(const struct siasn_http_req *q, struct siasn_http_reply *r)
{
    buf_reset(&r->body);
    r->status = 0;
    r->error[0] = '\0';
    CURL *h = curl_easy_init();
    if (h == NULL) {
        snprintf(r->error, sizeof(r->error), "curl_easy_init");
        return ERR_INTERNAL;
    }
    struct curl_slist *hl = NULL;
    for (size_t i = 0; q->headers != NULL && q->headers[i] != NULL; i++) {
        struct curl_slist *n = curl_slist_append(hl, q->headers[i]);
        if (n == NULL) {
            curl_slist_free_all(hl);
            curl_easy_cleanup(h);
            return ERR_INTERNAL;
        }
        hl = n;
    }
    char errbuf[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(h, CURLOPT_URL, q->url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &r->body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
                     q->timeout < 10 ? q->timeout : 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, q->timeout);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_USERAGENT, "mutasi");
    if (strcmp(q->method, "POST") == 0) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, q->body ? q->body : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)q->body_len);
    }
    CURLcode cc = curl_easy_perform(h);
    enum err rc = ERR_OK;
    if (cc == CURLE_WRITE_ERROR) {
        snprintf(r->error, sizeof(r->error), "answer larger than %zu bytes",
                 SIASN_HTTP_MAX_BODY);
        rc = ERR_TOOBIG;
    } else if (cc != CURLE_OK) {
        snprintf(r->error, sizeof(r->error), "%s",
                 errbuf[0] ? errbuf : curl_easy_strerror(cc));
        rc = ERR_UNAVAILABLE;
    } else {
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
        if (buf_add(&r->body, "", 0) != ERR_OK) {
            rc = ERR_TOOBIG;
        }
    }
    curl_slist_free_all(hl);
    curl_easy_cleanup(h);
    return rc;
}

MODULE_EXPORT const struct siasn_http_module mutasi_module_http = {
    MODULE_HEAD(struct siasn_http_module),
    siasn_http_init,
    siasn_http_send,
};
