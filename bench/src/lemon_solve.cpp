// SPDX-License-Identifier: MIT
// Benchmark reference only: reads a DIMACS min-cost flow with LEMON and
// solves it with NetworkSimplex or CostScaling (argv[1]: ns or cs);
// prints "cost N" like 'mutasi solve-mcf'.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <lemon/cost_scaling.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

using namespace lemon;

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: lemon_solve ns|cs FILE\n");
        return 64;
    }
    std::ifstream in(argv[2]);
    SmartDigraph g;
    SmartDigraph::ArcMap<long long> low(g), cap(g), cost(g);
    SmartDigraph::NodeMap<long long> sup(g);
    readDimacsMin(in, g, low, cap, cost, sup);
    long long total = 0;
    bool ok = false;
    if (std::strcmp(argv[1], "ns") == 0) {
        NetworkSimplex<SmartDigraph, long long, long long> ns(g);
        ns.lowerMap(low).upperMap(cap).costMap(cost).supplyMap(sup);
        ok = ns.run() == NetworkSimplex<SmartDigraph, long long>::OPTIMAL;
        total = ok ? ns.totalCost() : 0;
    } else {
        CostScaling<SmartDigraph, long long, long long> cs(g);
        cs.lowerMap(low).upperMap(cap).costMap(cost).supplyMap(sup);
        ok = cs.run() == CostScaling<SmartDigraph, long long>::OPTIMAL;
        total = ok ? cs.totalCost() : 0;
    }
    if (!ok) {
        std::printf("infeasible\n");
        return 65;
    }
    std::printf("cost %lld\n", total);
    return 0;
}
