/* SPDX-License-Identifier: MIT */
/* lokasi: a unit's coordinates set by hand (service layer). */
#include "lokasi.h"

#include <stdio.h>

#include "buf.h"
#include "json.h"
#include "model.h"
#include "store.h"

/* The position as audit JSON ({"lat", "lon"}, null when not set). */
static enum err
position_json(double lat, double lon, struct buf *out)
{
    struct json_obj *o = json_obj_create();
    if (lat == MODEL_COORD_NONE || lon == MODEL_COORD_NONE) {
        json_obj_set_null(o, "lat");
        json_obj_set_null(o, "lon");
    } else {
        json_obj_set_fixed(o, "lat",
                           (int64_t)(lat * 1e6 + (lat < 0 ? -0.5 : 0.5)), 6);
        json_obj_set_fixed(o, "lon",
                           (int64_t)(lon * 1e6 + (lon < 0 ? -0.5 : 0.5)), 6);
    }
    enum err rc = json_obj_format(o, out);
    json_obj_destroy(o);
    return rc;
}

enum err
lokasi_set_unit(struct store *st, const char *actor, const char *kode,
                double lat, double lon, char *why, size_t why_len)
{
    struct unit u;
    struct buf before;
    struct buf after;
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        snprintf(why, why_len, "%s",
                 "Lintang harus -90 sampai 90 dan bujur -180 sampai 180.");
        return ERR_INVAL;
    }
    enum err rc = store_begin(st);
    if (rc != ERR_OK) {
        return rc;
    }
    buf_init(&before, 0);
    buf_init(&after, 0);
    rc = store_unit_get(st, kode, &u);
    rc = rc == ERR_OK ? position_json(u.lat, u.lon, &before) : rc;
    rc = rc == ERR_OK ? position_json(lat, lon, &after) : rc;
    if (rc == ERR_OK) {
        u.lat = lat;
        u.lon = lon;
        rc = store_unit_put(st, &u);
    }
    if (rc == ERR_OK) {
        struct store_audit a = {actor,    "unit",           kode,
                                "lokasi", buf_str(&before), buf_str(&after)};
        rc = store_audit_add(st, &a);
    }
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
    }
    buf_cleanup(&before);
    buf_cleanup(&after);
    return rc;
}
