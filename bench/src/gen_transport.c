/* SPDX-License-Identifier: MIT */
/* Writes a transport-shaped min-cost-flow instance in DIMACS to stdout:
 * ARCS arcs between NODES/2 sources and NODES/2 sinks (about ten arcs a
 * node), random capacities and costs, balanced supplies, and one costly
 * arc per source that keeps it feasible. Usage: gen_transport ARCS SEED.
 * Benchmark input only. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

static uint64_t
next(void)
{
    state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int
main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_transport ARCS SEED\n");
        return 64;
    }
    long arcs = strtol(argv[1], NULL, 10);
    state = strtoull(argv[2], NULL, 10);
    long half = arcs / 20 < 2 ? 2 : arcs / 20;
    long nodes = 2 * half;
    long *supply = calloc((size_t)nodes, sizeof(long));
    long total = 0;
    for (long s = 0; s < half; s++) {
        supply[s] = 1 + (long)(next() % 50);
        total += supply[s];
    }
    for (long t = 0; t < half; t++) {
        supply[half + t] = -(total / half + (t < total % half ? 1 : 0));
    }
    printf("c transport instance: %ld arcs, seed %s\n", arcs, argv[2]);
    printf("p min %ld %ld\n", nodes, arcs);
    for (long u = 0; u < nodes; u++) {
        printf("n %ld %ld\n", u + 1, supply[u]);
    }
    for (long s = 0; s < half; s++) { /* The feasibility backbone. */
        printf("a %ld %ld 0 %ld 5000\n", s + 1, half + s + 1, total);
    }
    for (long e = half; e < arcs; e++) {
        long s = (long)(next() % (uint64_t)half);
        long t = (long)(next() % (uint64_t)half);
        printf("a %ld %ld 0 %ld %ld\n", s + 1, half + t + 1,
               1 + (long)(next() % 100), 1 + (long)(next() % 1000));
    }
    free(supply);
    return 0;
}
