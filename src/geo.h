/* SPDX-License-Identifier: MIT */
/* geo: distances on the earth (base layer). No domain knowledge. */
#ifndef MUTASI_GEO_H
#define MUTASI_GEO_H

/* The mean earth radius in km (IUGG), as contract section 5 fixes it. */
#define GEO_EARTH_KM 6371.0088

/* The great-circle distance in km between ('lat1', 'lon1') and ('lat2',
 * 'lon2'), in degrees, by the haversine formula in double precision:
 * a = sin^2(dphi/2) + cos phi1 cos phi2 sin^2(dlambda/2),
 * km = 2 R asin(sqrt(a)). */
double geo_km(double lat1, double lon1, double lat2, double lon2);

/* A point with its cosine of latitude computed once, for many distances
 * from or to it. */
struct geo_point {
    double lat; /* Degrees. */
    double lon;
    double cos_lat;
};

/* The point ('lat', 'lon'). */
struct geo_point geo_point_of(double lat, double lon);
/* geo_km() between 'a' and 'b', to the last bit (geo_km() is this). */
double geo_km_points(const struct geo_point *a, const struct geo_point *b);

#endif
