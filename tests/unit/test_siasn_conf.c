/* SPDX-License-Identifier: MIT */
/* Unit tests of siasn_conf: the API client's 'key = value' file, good and
 * malformed, with FILE:LINE:COLUMN messages. */
#include "siasn_conf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"

static const char good[] = "# SIASN\n"
                           "base_url = http://127.0.0.1:8080/apisiasn/1.0/\n"
                           "token_url=http://127.0.0.1:8080/oauth2/token\n"
                           "client_id = mutasi\n"
                           "client_secret = \"  s3cret with spaces \"\n"
                           "\r\n"
                           "sso_url = https://sso.example/token\r\n"
                           "sso_client_id = siasn-ws\n"
                           "username = 199001012015011001\n"
                           "password = p@ss=word\n"
                           "   timeout   =  12  \n";

/* Parse 'text'; the messages, '\n'-joined, into 'msgs'. */
static enum err
parse(const char *text, struct siasn_conf *c, char *msgs, size_t len)
{
    struct diag d;
    diag_init(&d, 50);
    enum err rc = siasn_conf_parse("c.conf", text, strlen(text), c, &d);
    size_t at = 0;
    msgs[0] = '\0';
    for (size_t i = 0; i < d.n_lines && at < len; i++) {
        int n = snprintf(msgs + at, len - at, "%s\n", d.lines[i]);
        at += n > 0 ? (size_t)n : 0;
    }
    diag_cleanup(&d);
    return rc;
}

static void
test_conf_good(void **state)
{
    (void)state;
    struct siasn_conf c;
    char m[2048];
    assert_int_equal(parse(good, &c, m, sizeof(m)), ERR_OK);
    assert_string_equal(m, "");
    assert_string_equal(c.base_url, "http://127.0.0.1:8080/apisiasn/1.0");
    assert_string_equal(c.token_url, "http://127.0.0.1:8080/oauth2/token");
    assert_string_equal(c.client_id, "mutasi");
    assert_string_equal(c.client_secret, "  s3cret with spaces ");
    assert_string_equal(c.sso_url, "https://sso.example/token");
    assert_string_equal(c.sso_client_id, "siasn-ws");
    assert_string_equal(c.username, "199001012015011001");
    assert_string_equal(c.password, "p@ss=word");
    assert_int_equal(c.timeout, 12);
    siasn_conf_cleanup(&c);
    assert_null(c.password);
}

/* The text of 'good' with line 'n' (1-based) replaced by 'repl'. */
static void
with_line(int n, const char *repl, char *out, size_t len)
{
    const char *p = good;
    out[0] = '\0';
    for (int line = 1; *p != '\0'; line++) {
        const char *e = strchr(p, '\n');
        size_t l = (size_t)(e - p) + 1;
        if (line == n) {
            strncat(out, repl, len - strlen(out) - 1);
        } else {
            strncat(out, p, l < len - strlen(out) - 1 ? l : 0);
        }
        p = e + 1;
    }
}

static void
expect_error(int line, const char *repl, const char *want)
{
    char text[2048];
    char m[2048];
    struct siasn_conf c;
    with_line(line, repl, text, sizeof(text));
    assert_int_equal(parse(text, &c, m, sizeof(m)), ERR_INVAL);
    if (strstr(m, want) == NULL) {
        fail_msg("want '%s' in:\n%s", want, m);
    }
    siasn_conf_cleanup(&c);
}

static void
test_conf_malformed(void **state)
{
    (void)state;
    setenv("LANG", "en_US.UTF-8", 1);
    expect_error(4, "client_id mutasi\n",
                 "c.conf:4:11: expected 'key = value'");
    expect_error(4, "client = mutasi\n", "c.conf:4:1: unknown key 'client'");
    expect_error(4, "client_id =   \n", "c.conf:4:");
    expect_error(4, "client_id =   \n", "empty value of client_id");
    expect_error(4, "client_id = \"open\n", "c.conf:4:13: unterminated quote");
    expect_error(4, "client_id = a\x01z\n",
                 "c.conf:4:14: control character 0x01");
    expect_error(4, "base_url = http://x\n",
                 "c.conf:4:1: key base_url given twice");
    expect_error(2, "base_url = ftp://x\n",
                 "c.conf:2:12: base_url must be an http:// or https://");
    expect_error(2, "base_url = http://a b\n", "must be an http://");
    expect_error(11, "timeout = 0\n", "c.conf:11:11: timeout must be");
    expect_error(11, "timeout = 601\n", "timeout must be");
    expect_error(11, "timeout = 99999999999999999999\n", "timeout must be");
    expect_error(11, "timeout = 3s\n", "timeout must be");
    expect_error(10, "# no password\n", "c.conf: key password missing");
    expect_error(1, "=\n", "c.conf:1:1: unknown key ''");
}

static void
test_conf_empty_and_nul(void **state)
{
    (void)state;
    setenv("LANG", "en_US.UTF-8", 1);
    struct siasn_conf c;
    struct diag d;
    diag_init(&d, 50);
    assert_int_equal(siasn_conf_parse("c.conf", "", 0, &c, &d), ERR_INVAL);
    assert_int_equal(d.n_errors, 8); /* Every required key. */
    siasn_conf_cleanup(&c);
    diag_cleanup(&d);
    diag_init(&d, 50);
    char text[sizeof(good)];
    memcpy(text, good, sizeof(good));
    text[30] = '\0';
    assert_int_equal(siasn_conf_parse("c.conf", text, sizeof(good) - 1, &c, &d),
                     ERR_INVAL);
    assert_non_null(strstr(d.lines[0], "c.conf:2:"));
    assert_non_null(strstr(d.lines[0], "control character 0x00"));
    siasn_conf_cleanup(&c);
    diag_cleanup(&d);
}

static void
test_conf_load_missing_file(void **state)
{
    (void)state;
    struct siasn_conf c;
    struct diag d;
    diag_init(&d, 50);
    assert_int_equal(siasn_conf_load("/nonexistent/siasn.conf", &c, &d),
                     ERR_NOINPUT);
    siasn_conf_cleanup(&c);
    diag_cleanup(&d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_conf_good),
        cmocka_unit_test(test_conf_malformed),
        cmocka_unit_test(test_conf_empty_and_nul),
        cmocka_unit_test(test_conf_load_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
