/* SPDX-License-Identifier: MIT */
/* num: exact decimal parsing and formatting (base layer). */
#include "num.h"

#include <stdio.h>

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Classify a string that is not a plain number, for a helpful message. */
static enum num_problem
classify(const char *s, size_t len, bool comma_ok)
{
    int n_dot = 0;
    int n_comma = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.') {
            n_dot++;
        } else if (s[i] == ',') {
            n_comma++;
        } else if (s[i] == ' ' || s[i] == '\'') {
            return NUM_THOUSANDS;
        } else if (!is_digit(s[i]) && !(i == 0 && s[i] == '-')) {
            return NUM_SYNTAX;
        }
    }
    if (n_dot + n_comma >= 2) {
        return NUM_THOUSANDS;
    }
    if (n_comma == 1 && !comma_ok) {
        return NUM_DECIMAL_COMMA;
    }
    return NUM_SYNTAX;
}

/* A whole number: no separator at all, since "75.000" is 75 000 to an
 * Indonesian reader and 75 to a program. A separator followed by exactly
 * three digits is named as a thousands separator. */
static enum num_problem
whole_only(const char *s, size_t len, bool comma_ok, int64_t *out, bool neg)
{
    int64_t v = 0;
    size_t i = 0;
    for (; i < len && is_digit(s[i]); i++) {
        if (v > (INT64_MAX - (s[i] - '0')) / 10) {
            return NUM_RANGE;
        }
        v = v * 10 + (s[i] - '0');
    }
    if (i == len && i > 0) {
        *out = neg ? -v : v;
        return NUM_OK;
    }
    if (i > 0 && (s[i] == '.' || (s[i] == ',' && comma_ok))) {
        size_t n_dec = 0;
        while (i + 1 + n_dec < len && is_digit(s[i + 1 + n_dec])) {
            n_dec++;
        }
        if (i + 1 + n_dec == len && n_dec > 0) {
            return n_dec == 3 ? NUM_THOUSANDS : NUM_NOT_WHOLE;
        }
    }
    return classify(s, len, comma_ok);
}

enum num_problem
num_parse_fixed(const char *s, size_t len, int scale, bool comma_ok,
                int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    int64_t v = 0;
    int n_int = 0;
    int n_dec = 0;
    if (len > 0 && s[0] == '-') {
        neg = true;
        i = 1;
    }
    if (classify(s, len, comma_ok) == NUM_THOUSANDS) {
        return NUM_THOUSANDS; /* Before any decimal count misnames it. */
    }
    if (scale == 0) {
        return whole_only(s + i, len - i, comma_ok, out, neg);
    }
    for (; i < len && is_digit(s[i]); i++, n_int++) {
        if (v > (INT64_MAX - (s[i] - '0')) / 10) {
            return NUM_RANGE;
        }
        v = v * 10 + (s[i] - '0');
    }
    if (i < len && (s[i] == '.' || (s[i] == ',' && comma_ok)) && n_int > 0) {
        for (i++; i < len && is_digit(s[i]); i++, n_dec++) {
            if (n_dec >= scale) {
                if (s[i] != '0') {
                    return scale == 0 ? NUM_NOT_WHOLE : NUM_DECIMALS;
                }
                continue; /* Trailing zeros beyond the scale are exact. */
            }
            if (v > (INT64_MAX - (s[i] - '0')) / 10) {
                return NUM_RANGE;
            }
            v = v * 10 + (s[i] - '0');
        }
        if (n_dec == 0) {
            return NUM_SYNTAX;
        }
    }
    if (i != len || n_int == 0) {
        return classify(s, len, comma_ok);
    }
    for (int k = n_dec < scale ? n_dec : scale; k < scale; k++) {
        if (v > INT64_MAX / 10) {
            return NUM_RANGE;
        }
        v *= 10;
    }
    *out = neg ? -v : v;
    return NUM_OK;
}

void
num_format_fixed(int64_t v, int scale, char *out, size_t out_len)
{
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint64_t pow = 1;
    for (int k = 0; k < scale; k++) {
        pow *= 10;
    }
    uint64_t ip = mag / pow;
    uint64_t fp = mag % pow;
    int n = snprintf(out, out_len, "%s%llu", v < 0 ? "-" : "",
                     (unsigned long long)ip);
    if (fp == 0 || n < 0 || (size_t)n >= out_len) {
        return;
    }
    int digits = scale;
    while (fp % 10 == 0) {
        fp /= 10;
        digits--;
    }
    snprintf(out + n, out_len - (size_t)n, ".%0*llu", digits,
             (unsigned long long)fp);
}
