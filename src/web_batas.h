/* SPDX-License-Identifier: MIT */
/* web_batas: the boundaries of kelurahan and kecamatan for the map (web
 * layer). */
#ifndef MUTASI_WEB_BATAS_H
#define MUTASI_WEB_BATAS_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/batas: the stored boundaries as a GeoJSON FeatureCollection;
 * each Feature's properties are kode, nama, jenis, kecamatan_kode and
 * kecamatan. An empty collection when none were imported (the map then
 * draws the units alone). */
MUST_USE enum err web_api_batas(const struct web_call *c, struct web_resp *out);

#endif
