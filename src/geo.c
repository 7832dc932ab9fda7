/* SPDX-License-Identifier: MIT */
/* geo: the haversine distance (base layer). */
#include "geo.h"

#include <math.h>

#define DEG (3.14159265358979323846 / 180.0)

struct geo_point
geo_point_of(double lat, double lon)
{
    struct geo_point p = {lat, lon, cos(lat * DEG)};
    return p;
}

double
geo_km_points(const struct geo_point *a, const struct geo_point *b)
{
    double dphi = (b->lat - a->lat) * DEG;
    double dlambda = (b->lon - a->lon) * DEG;
    double s1 = sin(dphi / 2.0);
    double s2 = sin(dlambda / 2.0);
    double h = s1 * s1 + a->cos_lat * b->cos_lat * s2 * s2;
    if (h > 1.0) {
        h = 1.0; /* Rounding near antipodes. */
    }
    return 2.0 * GEO_EARTH_KM * asin(sqrt(h));
}

double
geo_km(double lat1, double lon1, double lat2, double lon2)
{
    struct geo_point a = geo_point_of(lat1, lon1);
    struct geo_point b = geo_point_of(lat2, lon2);
    return geo_km_points(&a, &b);
}
