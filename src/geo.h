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

#endif
