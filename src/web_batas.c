/* SPDX-License-Identifier: MIT */
/* web_batas: the boundaries of kelurahan and kecamatan for the map (web
 * layer). They are the government's public geography: every staff role
 * reads them, as it reads the unit tree. */
#include "web_batas.h"

#include "json.h"
#include "store.h"

static enum err
batas_feature(void *ctx, const struct store_batas *b)
{
    struct json_obj *geom = NULL;
    enum err rc = json_obj_parse(b->geometri, &geom);
    if (rc != ERR_OK) {
        return ERR_DB; /* Written by the import; damaged since. */
    }
    struct json_obj *f = json_obj_create();
    struct json_obj *p = json_obj_create();
    json_obj_set_str(f, "type", "Feature");
    json_obj_set_str(p, "kode", b->kode);
    json_obj_set_str(p, "nama", b->nama);
    json_obj_set_str(p, "jenis", b->jenis);
    json_obj_set_str(p, "kecamatan_kode", b->kecamatan_kode);
    json_obj_set_str(p, "kecamatan", b->kecamatan);
    json_obj_set_obj(f, "properties", p);
    json_obj_set_obj(f, "geometry", geom);
    json_obj_push(ctx, "features", f);
    return ERR_OK;
}

enum err
web_api_batas(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_str(doc, "type", "FeatureCollection");
    json_obj_set_empty_array(doc, "features");
    enum err rc = store_batas_each(c->req->st, batas_feature, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}
