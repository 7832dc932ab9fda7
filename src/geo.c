/* SPDX-License-Identifier: MIT */
/* geo: the haversine distance (base layer). */
#include "geo.h"

#include <math.h>

#define DEG (3.14159265358979323846 / 180.0)

double
geo_km(double lat1, double lon1, double lat2, double lon2)
{
    double dphi = (lat2 - lat1) * DEG;
    double dlambda = (lon2 - lon1) * DEG;
    double s1 = sin(dphi / 2.0);
    double s2 = sin(dlambda / 2.0);
    double a = s1 * s1 + cos(lat1 * DEG) * cos(lat2 * DEG) * s2 * s2;
    if (a > 1.0) {
        a = 1.0; /* Rounding near antipodes. */
    }
    return 2.0 * GEO_EARTH_KM * asin(sqrt(a));
}
