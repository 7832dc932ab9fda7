/* SPDX-License-Identifier: MIT */
/* mcf_cs: cost-scaling min-cost flow (engine layer); see the design note
 * in mcf_cs.h. */
#include "mcf_cs.h"

#include <stdlib.h>

#include "mem.h"

enum { ALPHA = 16, MAX_PATH = 4 };
enum { RESIDUAL = 1, REVERSE = 2 };

#define PRICE_LIMIT (INT64_MAX / 4)

/* The residual graph in forward-star form: the residual arcs leaving u
 * are first[u] .. first[u + 1] - 1; each real or root arc gives a
 * forward and a backward residual arc, 'pair' of each other. */
struct cs {
    int n;        /* Nodes; the root is n - 1. */
    int *first;   /* n + 1 entries. */
    int *head;    /* Residual arc -> its head. */
    int *pair;    /* Residual arc -> its reverse. */
    int64_t *res; /* Residual capacity. */
    /* Per residual arc: RESIDUAL when res[a] > 0, REVERSE when
     * res[pair[a]] > 0. The scans read one byte per arc to skip the arcs
     * without capacity (about half of them), and the global update
     * tells whether the reverse of 'a' is residual without a read far
     * away in 'res' (that miss was over half of its time). */
    unsigned char *flags;
    int64_t *cost; /* cost[pair[a]] == -cost[a]. */
    int64_t *pi;
    int64_t *excess;
    int *cur;      /* Current arc of each node. */
    int *queue;    /* FIFO ring of the active nodes, n entries. */
    bool *queued;  /* Each node at most once in 'queue'. */
    bool *on_path; /* Nodes of the path being built (augment_from()). */
    int q_head;
    int q_len;
    int64_t eps;
    long relabels; /* Since the last global update. */
    /* Scratch of the global update. */
    int64_t *rank;
    int *b_next;
    int *b_prev;
    int *bucket;
    bool overflow; /* A price passed PRICE_LIMIT. */
};

static void
enqueue(struct cs *g, int u)
{
    if (g->queued[u]) {
        return;
    }
    g->queued[u] = true;
    int at = g->q_head + g->q_len;
    g->queue[at >= g->n ? at - g->n : at] = u;
    g->q_len++;
}

static int
dequeue(struct cs *g)
{
    int u = g->queue[g->q_head];
    g->q_head = g->q_head + 1 == g->n ? 0 : g->q_head + 1;
    g->q_len--;
    g->queued[u] = false;
    return u;
}

/* Check the numbers against the bounds of the design note; 'art' is the
 * root arcs' cost. */
static enum err
check_bounds(const struct mcf_cs_net *net, int64_t *art)
{
    int64_t max_cost = 0;
    int64_t sum = 0; /* Capacities, lower bounds and supplies. */
    int64_t nodes = (int64_t)net->n_nodes + 1;
    int64_t bound = 0;
    for (int e = 0; e < net->n_arcs; e++) {
        int64_t c = net->cost[e] < 0 ? -net->cost[e] : net->cost[e];
        int64_t low = net->low[e] < 0 ? -net->low[e] : net->low[e];
        max_cost = c > max_cost ? c : max_cost;
        if (net->cost[e] == INT64_MIN || net->low[e] == INT64_MIN ||
            __builtin_sub_overflow(net->cap[e], net->low[e], &c) ||
            __builtin_add_overflow(sum, c, &sum) ||
            __builtin_add_overflow(sum, low, &sum)) {
            return ERR_TOOBIG;
        }
    }
    for (int u = 0; u < net->n_nodes; u++) {
        int64_t b = net->supply[u] < 0 ? -net->supply[u] : net->supply[u];
        if (net->supply[u] == INT64_MIN ||
            __builtin_add_overflow(sum, b, &sum)) {
            return ERR_TOOBIG;
        }
    }
    if (sum > PRICE_LIMIT ||
        __builtin_mul_overflow(max_cost + 1, nodes + 1, &bound) ||
        __builtin_mul_overflow(bound, nodes + 1, &bound) ||
        bound > INT64_MAX / 8) {
        return ERR_TOOBIG;
    }
    *art = (max_cost + 1) * nodes;
    return ERR_OK;
}

/* Set the flags of the residual arcs 'a' and its pair 'b' from 'res'. */
static void
set_flags(struct cs *g, int a, int b)
{
    bool ra = g->res[a] > 0;
    bool rb = g->res[b] > 0;
    g->flags[a] = (unsigned char)(ra ? RESIDUAL : 0) | (rb ? REVERSE : 0);
    g->flags[b] = (unsigned char)(rb ? RESIDUAL : 0) | (ra ? REVERSE : 0);
}

static void
count_arc(int *deg, int tail, int head)
{
    deg[tail + 1]++;
    deg[head + 1]++;
}

/* Place the arc 'tail' -> 'head' and its reverse; returns the forward
 * residual arc. 'fill' is the next free slot of each node. */
static int
place_arc(struct cs *g, int *fill, const int64_t arc[4])
{
    int tail = (int)arc[0];
    int head = (int)arc[1];
    int a = fill[tail]++;
    int b = fill[head]++;
    g->head[a] = head;
    g->head[b] = tail;
    g->pair[a] = b;
    g->pair[b] = a;
    g->res[a] = arc[2];
    g->res[b] = 0;
    set_flags(g, a, b);
    g->cost[a] = arc[3];
    g->cost[b] = -arc[3];
    return a;
}

/* Each node's supply less the lower bounds' shifts into g->excess, and
 * the sum of the positive ones into '*total'. */
static void
shift_lows(struct cs *g, const struct mcf_cs_net *net, int64_t *total)
{
    g->excess = xcalloc((size_t)net->n_nodes + 1, sizeof(int64_t));
    for (int u = 0; u < net->n_nodes; u++) {
        g->excess[u] = net->supply[u];
    }
    for (int e = 0; e < net->n_arcs; e++) {
        g->excess[net->tail[e]] -= net->low[e];
        g->excess[net->head[e]] += net->low[e];
    }
    *total = 0;
    for (int u = 0; u < net->n_nodes; u++) {
        *total += g->excess[u] > 0 ? g->excess[u] : 0;
    }
}

/* Build the residual graph with the root; 'fwd' gets each real arc's
 * forward residual arc. Root arcs join the nodes with a shifted supply
 * (a lower bound can give one to a node that had none). */
static void
build(struct cs *g, const struct mcf_cs_net *net, int64_t art, int64_t total,
      int *fwd)
{
    int n = net->n_nodes + 1;
    int root = n - 1;
    int64_t scale = (int64_t)n + 1;
    int *deg = xcalloc((size_t)n + 1, sizeof(int));
    for (int e = 0; e < net->n_arcs; e++) {
        if (net->tail[e] != net->head[e]) {
            count_arc(deg, net->tail[e], net->head[e]);
        }
    }
    for (int u = 0; u < net->n_nodes; u++) {
        if (g->excess[u] != 0) {
            count_arc(deg, u, root);
        }
    }
    for (int u = 0; u < n; u++) {
        deg[u + 1] += deg[u];
    }
    size_t n_res = (size_t)deg[n] + 1;
    g->n = n;
    g->first = deg;
    g->head = xmalloc(n_res * sizeof(int));
    g->pair = xmalloc(n_res * sizeof(int));
    g->res = xmalloc(n_res * sizeof(int64_t));
    g->flags = xmalloc(n_res);
    g->cost = xmalloc(n_res * sizeof(int64_t));
    int *fill = xmalloc((size_t)n * sizeof(int));
    for (int u = 0; u < n; u++) {
        fill[u] = deg[u];
    }
    for (int e = 0; e < net->n_arcs; e++) {
        int64_t arc[4] = {net->tail[e], net->head[e], net->cap[e] - net->low[e],
                          net->cost[e] * scale};
        fwd[e] = arc[0] == arc[1] ? -1 : place_arc(g, fill, arc);
    }
    for (int u = 0; u < net->n_nodes; u++) {
        int64_t b = g->excess[u];
        if (b != 0) {
            int64_t arc[4] = {b > 0 ? u : root, b > 0 ? root : u, total,
                              art * scale};
            (void)place_arc(g, fill, arc);
        }
    }
    free(fill);
}

static void
push(struct cs *g, int u, int a, int64_t delta)
{
    int v = g->head[a];
    int b = g->pair[a];
    g->res[a] -= delta;
    g->res[b] += delta;
    set_flags(g, a, b);
    g->excess[u] -= delta;
    if (g->excess[v] <= 0 && g->excess[v] + delta > 0) {
        enqueue(g, v);
    }
    g->excess[v] += delta;
}

/* Lower 'u's price to 'min_rc' + eps below its own, 'min_rc' being the
 * least reduced cost of the residual arcs leaving it (INT64_MAX: none),
 * so that an admissible arc leaves it. */
static void
relabel(struct cs *g, int u, int64_t min_rc)
{
    int64_t best = min_rc == INT64_MAX ? INT64_MIN : g->pi[u] - min_rc;
    if (best < -PRICE_LIMIT) { /* Also no residual arc at all. */
        g->overflow = true;
        return;
    }
    g->pi[u] = best - g->eps;
    g->cur[u] = g->first[u];
    g->relabels++;
}

static void
bucket_add(struct cs *g, int u, int64_t r)
{
    g->rank[u] = r;
    g->b_prev[u] = -1;
    g->b_next[u] = g->bucket[r];
    if (g->bucket[r] >= 0) {
        g->b_prev[g->bucket[r]] = u;
    }
    g->bucket[r] = u;
}

static void
bucket_remove(struct cs *g, int u)
{
    int r = (int)g->rank[u];
    if (g->b_prev[u] >= 0) {
        g->b_next[g->b_prev[u]] = g->b_next[u];
    } else {
        g->bucket[r] = g->b_next[u];
    }
    if (g->b_next[u] >= 0) {
        g->b_prev[g->b_next[u]] = g->b_prev[u];
    }
}

/* Relax the residual arcs into settled node 'u' at rank 'r'. Ranks are
 * -1 for unseen nodes, -2 for settled ones (the rank lives in 'pi' then
 * as a pending drop, written by global_update()). */
static void
scan_into(struct cs *g, int u, int64_t r, int64_t max_rank)
{
    int end = g->first[u + 1];
    int64_t pu = g->pi[u];
    for (int a = g->first[u]; a < end; a++) {
        if (!(g->flags[a] & REVERSE)) {
            continue; /* The reverse arc v -> u is not residual. */
        }
        int v = g->head[a];
        if (g->rank[v] == -2) {
            continue;
        }
        int64_t rc = -g->cost[a] + g->pi[v] - pu;
        int64_t len = rc >= 0 ? rc / g->eps + 1 : 0;
        int64_t k = r + len;
        if (len > max_rank || k > max_rank) {
            continue;
        }
        if (g->rank[v] >= 0 && g->rank[v] <= k) {
            continue;
        }
        if (g->rank[v] >= 0) {
            bucket_remove(g, v);
        }
        bucket_add(g, v, k);
    }
}

/* Set every price to minus eps times the distance to the nearest deficit
 * (see the design note); 'drop' is scratch of n entries. */
static void
global_update(struct cs *g, int64_t *drop)
{
    int n = g->n;
    int64_t max_rank = n;
    int active = 0;
    for (int u = 0; u < n; u++) {
        g->rank[u] = -1;
        active += g->excess[u] > 0;
    }
    for (int64_t r = 0; r <= max_rank + 1; r++) {
        g->bucket[r] = -1;
    }
    for (int u = 0; u < n; u++) {
        if (g->excess[u] < 0) {
            bucket_add(g, u, 0);
        }
    }
    int64_t r = 0;
    for (; r <= max_rank && active > 0; r++) {
        while (g->bucket[r] >= 0 && active > 0) {
            int u = g->bucket[r];
            bucket_remove(g, u);
            g->rank[u] = -2;
            drop[u] = r;
            active -= g->excess[u] > 0;
            scan_into(g, u, r, max_rank);
        }
        if (active == 0) {
            break;
        }
    }
    for (int u = 0; u < n; u++) {
        int64_t d = g->rank[u] == -2 ? drop[u] : r;
        g->pi[u] -= d * g->eps;
        if (g->pi[u] < -PRICE_LIMIT) {
            g->overflow = true;
        }
        g->cur[u] = g->first[u];
    }
    g->relabels = 0;
}

/* An admissible arc leaving 'u' from its current arc on, which becomes
 * it; or -1 after relabelling 'u' when there is none. The sweep keeps
 * the least reduced cost of the residual arcs it passes, so that the
 * relabel scans only the arcs before where the sweep began. 'back' is
 * the arc back along the path to 'u' (-1 at its start): 'u' may have
 * no residual arc yet, as no flow came in, and the relabel keeps that
 * arc eps-optimal too, so the price falls only as far as needed. */
static int
admissible_arc(struct cs *g, int u, int back)
{
    int first = g->first[u];
    int end = g->first[u + 1];
    int64_t pu = g->pi[u];
    int64_t min_rc =
        back < 0 ? INT64_MAX : g->cost[back] + pu - g->pi[g->head[back]];
    int from = g->cur[u];
    for (int a = from; a < end; a++) {
        if (g->flags[a] & RESIDUAL) {
            int64_t rc = g->cost[a] + pu - g->pi[g->head[a]];
            if (rc < 0) {
                g->cur[u] = a;
                return a;
            }
            min_rc = rc < min_rc ? rc : min_rc;
        }
    }
    for (int a = first; a < from; a++) {
        if (g->flags[a] & RESIDUAL) {
            int64_t rc = g->cost[a] + pu - g->pi[g->head[a]];
            min_rc = rc < min_rc ? rc : min_rc;
        }
    }
    relabel(g, u, min_rc);
    return -1;
}

/* Partial augment-relabel (Goldberg; LEMON's default): from the active
 * node 'start', walk admissible arcs, relabelling a node with none and
 * stepping back from it, until the path has MAX_PATH arcs, reaches a
 * node with a deficit or closes a cycle; then push along it as much as
 * each node on it holds. One push per arc moves excess MAX_PATH arcs
 * at a time instead of one (far fewer visits of the queue). */
static void
augment_from(struct cs *g, int start)
{
    int arcs[MAX_PATH];
    int nodes[MAX_PATH + 1];
    int len = 0;
    bool cycle = false;
    nodes[0] = start;
    g->on_path[start] = true;
    while (len < MAX_PATH && g->excess[nodes[len]] >= 0) {
        int tip = nodes[len];
        int a = admissible_arc(g, tip, len > 0 ? g->pair[arcs[len - 1]] : -1);
        if (a >= 0) {
            int v = g->head[a];
            arcs[len++] = a;
            if (g->on_path[v]) {
                cycle = true; /* Push around it. */
                break;
            }
            g->on_path[v] = true;
            nodes[len] = v;
        } else if (g->overflow) {
            break;
        } else if (len > 0) {
            g->on_path[tip] = false;
            len--;
        }
    }
    for (int i = 0; i < len; i++) {
        int u = nodes[i];
        int a = arcs[i];
        int64_t ex = g->excess[u];
        if (ex > 0) {
            push(g, u, a, ex < g->res[a] ? ex : g->res[a]);
        }
    }
    for (int i = 0; i < len + !cycle; i++) {
        g->on_path[nodes[i]] = false;
    }
}

/* One phase at g->eps: restore eps-optimality by saturating, then
 * augment from the active nodes in FIFO order until none is left. */
static void
refine(struct cs *g, int64_t *drop)
{
    for (int u = 0; u < g->n; u++) {
        int end = g->first[u + 1];
        for (int a = g->first[u]; a < end; a++) {
            int v = g->head[a];
            if ((g->flags[a] & RESIDUAL) &&
                g->cost[a] + g->pi[u] - g->pi[v] < -g->eps) {
                int64_t d = g->res[a];
                g->res[a] = 0;
                g->res[g->pair[a]] += d;
                set_flags(g, a, g->pair[a]);
                g->excess[u] -= d;
                g->excess[v] += d;
            }
        }
    }
    global_update(g, drop);
    g->q_head = 0;
    g->q_len = 0;
    for (int u = 0; u < g->n; u++) {
        if (g->excess[u] > 0) {
            enqueue(g, u);
        }
    }
    while (g->q_len > 0 && !g->overflow) {
        int u = dequeue(g);
        while (g->excess[u] > 0 && !g->overflow) {
            augment_from(g, u);
            if (g->relabels > g->n) {
                global_update(g, drop);
            }
        }
    }
}

static void
cs_free(struct cs *g)
{
    void *arrays[] = {g->first, g->head,   g->pair,   g->res,
                      g->flags, g->cost,   g->pi,     g->excess,
                      g->cur,   g->queue,  g->queued, g->on_path,
                      g->rank,  g->b_next, g->b_prev, g->bucket};
    for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++) {
        free(arrays[i]);
    }
}

static void
run(struct cs *g, int64_t max_cost)
{
    size_t n = (size_t)g->n;
    int64_t *drop = xmalloc(n * sizeof(int64_t));
    g->pi = xcalloc(n, sizeof(int64_t));
    g->cur = xmalloc(n * sizeof(int));
    g->queue = xmalloc(n * sizeof(int));
    g->queued = xcalloc(n, sizeof(bool));
    g->on_path = xcalloc(n, sizeof(bool));
    g->rank = xmalloc(n * sizeof(int64_t));
    g->b_next = xmalloc(n * sizeof(int));
    g->b_prev = xmalloc(n * sizeof(int));
    g->bucket = xmalloc((n + 2) * sizeof(int));
    for (int u = 0; u < g->n; u++) {
        g->cur[u] = g->first[u];
    }
    g->eps = max_cost;
    do {
        g->eps = g->eps / ALPHA > 1 ? g->eps / ALPHA : 1;
        refine(g, drop);
    } while (g->eps > 1 && !g->overflow);
    free(drop);
}

enum err
mcf_cs_solve(const struct mcf_cs_net *net, struct mcf_cs_result *out)
{
    int64_t art = 0;
    int64_t total = 0;
    int64_t balance = 0;
    enum err rc = check_bounds(net, &art);
    if (rc != ERR_OK) {
        return rc;
    }
    for (int u = 0; u < net->n_nodes; u++) {
        balance += net->supply[u];
    }
    out->scale = (int64_t)net->n_nodes + 2;
    out->feasible = false;
    if (balance != 0) {
        return ERR_OK;
    }
    struct cs g = {0};
    int *fwd = xmalloc(((size_t)net->n_arcs + 1) * sizeof(int));
    shift_lows(&g, net, &total);
    build(&g, net, art, total, fwd);
    int64_t max_cost = 1;
    for (int e = 0; e < net->n_arcs; e++) {
        if (fwd[e] < 0) {
            continue;
        }
        int64_t c = g.cost[fwd[e]] < 0 ? -g.cost[fwd[e]] : g.cost[fwd[e]];
        max_cost = c > max_cost ? c : max_cost;
    }
    run(&g, max_cost * ALPHA);
    if (g.overflow) {
        rc = ERR_TOOBIG;
    }
    bool feasible = true; /* No root arc keeps flow. */
    for (int a = g.first[g.n - 1]; a < g.first[g.n]; a++) {
        feasible = feasible && g.res[a] == (g.cost[a] > 0 ? total : 0);
    }
    if (rc == ERR_OK && feasible) {
        for (int e = 0; e < net->n_arcs; e++) {
            /* A loop's best flow is its own: full when it pays. */
            out->flow[e] = fwd[e] >= 0 ? net->low[e] + g.res[g.pair[fwd[e]]]
                           : net->cost[e] < 0 ? net->cap[e]
                                              : net->low[e];
        }
        for (int u = 0; out->pi != NULL && u < net->n_nodes; u++) {
            out->pi[u] = g.pi[u];
        }
        out->feasible = true;
    }
    free(fwd);
    cs_free(&g);
    return rc;
}
