/* SPDX-License-Identifier: MIT */
/* mcf: network simplex (engine layer); see the design note in mcf.h. */
#include "mcf.h"

#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mcf_cs.h"
#include "mem.h"

enum { STATE_UPPER = -1, STATE_TREE = 0, STATE_LOWER = 1 };
enum { DIR_DOWN = -1, DIR_UP = 1 };

struct mcf {
    int n; /* Real nodes; the root is node n. */
    int m; /* Real arcs; artificial arc of node u is m + u. */
    int cap_arcs;
    int *src;
    int *dst;
    int64_t *low; /* Lower bounds of the real arcs as given. */
    int64_t *cap; /* Capacities less the lower bounds. */
    int64_t *cost;
    int64_t *flow;
    signed char *state;
    int64_t *supply; /* Node supplies less the lower bounds' shifts. */
    /* The spanning tree. */
    int *parent;
    int *pred;
    int *thread;
    int *rev_thread;
    int *succ_num;
    int *last_succ;
    signed char *pred_dir;
    /* Flow and capacity of each node's tree arc pred[u], kept by node
     * while the arc is in the tree (flow[] is then stale): the cycle
     * walks read and change them in node-sized arrays, far smaller and
     * so better cached than the arc arrays. */
    int64_t *pred_flow;
    int64_t *pred_cap;
    int64_t *pi;
    int *dirty; /* Scratch for the tree update. */
    /* The cycle of the pivot in progress, less the join: the nodes from
     * the entering arc's source up to the join, then (from n + 1 on)
     * those from its target, found once by find_join() and then read in
     * order instead of climbing the tree again. */
    int *path;
    int n_path_src;
    int n_path_dst;
    int *place; /* Arc number given -> its place in the arrays. */
    /* The pivot in progress. */
    int in_arc;
    int join;
    int u_in;
    int v_in;
    int u_out;
    int64_t delta;
    int next_arc;   /* Where the block search resumes. */
    int block;      /* Arcs per block of the search. */
    int64_t art;    /* Cost of the artificial arcs. */
    bool solved;    /* mcf_solve() ran: the arrays are rearranged. */
    uint64_t trail; /* Digest of the pivots so far (mcf_trail()). */
    enum mcf_solver solver;
};

/* The trail's starting value and its mixing step (FNV-style, with a shift
 * so that the high bits reach the low ones). */
#define TRAIL_START 1469598103934665603ULL

static uint64_t
trail_mix(uint64_t h, uint64_t v)
{
    h ^= v;
    h *= 0x100000001B3ULL;
    return h ^ (h >> 29);
}

struct mcf *
mcf_create(int n_nodes)
{
    struct mcf *m = xcalloc(1, sizeof(*m));
    m->n = n_nodes;
    m->trail = TRAIL_START;
    m->supply = xcalloc((size_t)n_nodes + 1, sizeof(int64_t));
    return m;
}

void
mcf_destroy(struct mcf *m)
{
    if (m == NULL) {
        return;
    }
    void *arrays[] = {m->src,      m->dst,       m->low,      m->cap,
                      m->cost,     m->flow,      m->state,    m->supply,
                      m->parent,   m->pred,      m->thread,   m->rev_thread,
                      m->succ_num, m->last_succ, m->pred_dir, m->pred_flow,
                      m->pred_cap, m->pi,        m->dirty,    m->path,
                      m->place};
    for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++) {
        free(arrays[i]);
    }
    free(m);
}

enum err
mcf_add_arc(struct mcf *m, int tail, int head, int64_t low, int64_t cap,
            int64_t cost, int *out)
{
    if (tail < 0 || tail >= m->n || head < 0 || head >= m->n || low > cap) {
        return ERR_INVAL;
    }
    if (m->m == 0x7FFFFFFF - m->n - 1) {
        return ERR_TOOBIG;
    }
    if (m->m == m->cap_arcs) {
        size_t c = m->cap_arcs ? (size_t)m->cap_arcs * 2 : 64;
        m->src = xrealloc(m->src, c * sizeof(int));
        m->dst = xrealloc(m->dst, c * sizeof(int));
        m->low = xrealloc(m->low, c * sizeof(int64_t));
        m->cap = xrealloc(m->cap, c * sizeof(int64_t));
        m->cost = xrealloc(m->cost, c * sizeof(int64_t));
        m->cap_arcs = (int)c;
    }
    m->src[m->m] = tail;
    m->dst[m->m] = head;
    m->low[m->m] = low;
    m->cap[m->m] = cap;
    m->cost[m->m] = cost;
    *out = m->m++;
    return ERR_OK;
}

void
mcf_add_supply(struct mcf *m, int node, int64_t supply)
{
    m->supply[node] += supply;
}

void
mcf_set_solver(struct mcf *m, enum mcf_solver solver)
{
    m->solver = solver;
}

int
mcf_n_nodes(const struct mcf *m)
{
    return m->n;
}

uint64_t
mcf_trail(const struct mcf *m)
{
    return m->trail;
}

int64_t
mcf_flow(const struct mcf *m, int arc)
{
    int e = m->place ? m->place[arc] : arc;
    return m->flow[e] + m->low[e];
}

/* Store the arcs in a mixed order, as LEMON does: consecutive arcs of the
 * input (often of one node) land far apart, so each block of the pivot
 * search sees arcs of many nodes. */
static void
mix_arcs(struct mcf *m)
{
    int n_arcs = m->m;
    int skip = m->n > 1 && n_arcs / m->n > 3 ? n_arcs / m->n : 3;
    size_t size = (size_t)n_arcs + 1;
    int *src = xmalloc(size * sizeof(int));
    int *dst = xmalloc(size * sizeof(int));
    int64_t *low = xmalloc(size * sizeof(int64_t));
    int64_t *cap = xmalloc(size * sizeof(int64_t));
    int64_t *cost = xmalloc(size * sizeof(int64_t));
    m->place = xmalloc(size * sizeof(int));
    for (int a = 0, i = 0, j = 0; a < n_arcs; a++) {
        m->place[a] = i;
        src[i] = m->src[a];
        dst[i] = m->dst[a];
        low[i] = m->low[a];
        cap[i] = m->cap[a];
        cost[i] = m->cost[a];
        i += skip;
        if (i >= n_arcs) {
            i = ++j;
        }
    }
    free(m->src);
    free(m->dst);
    free(m->low);
    free(m->cap);
    free(m->cost);
    m->src = src;
    m->dst = dst;
    m->low = low;
    m->cap = cap;
    m->cost = cost;
}

/* Shift lower bounds into the supplies and size the arrays for the real
 * and artificial arcs. ERR_TOOBIG on overflow. */
static enum err
prepare(struct mcf *m, int64_t *art)
{
    size_t all = (size_t)m->m + (size_t)m->n;
    int64_t max_cost = 0;
    m->src = xrealloc(m->src, (all + 1) * sizeof(int));
    m->dst = xrealloc(m->dst, (all + 1) * sizeof(int));
    m->cap = xrealloc(m->cap, (all + 1) * sizeof(int64_t));
    m->cost = xrealloc(m->cost, (all + 1) * sizeof(int64_t));
    m->flow = xcalloc(all + 1, sizeof(int64_t));
    m->state = xcalloc(all + 1, sizeof(signed char));
    for (int e = 0; e < m->m; e++) {
        int64_t c = m->cost[e] < 0 ? -m->cost[e] : m->cost[e];
        max_cost = c > max_cost ? c : max_cost;
        if (m->low[e] != 0 &&
            (__builtin_sub_overflow(m->cap[e], m->low[e], &m->cap[e]) ||
             __builtin_sub_overflow(m->supply[m->src[e]], m->low[e],
                                    &m->supply[m->src[e]]) ||
             __builtin_add_overflow(m->supply[m->dst[e]], m->low[e],
                                    &m->supply[m->dst[e]]))) {
            return ERR_TOOBIG;
        }
        m->state[e] = STATE_LOWER;
    }
    if (__builtin_mul_overflow(max_cost + 1, (int64_t)m->n + 1, art) ||
        *art > INT64_MAX / 8) {
        return ERR_TOOBIG; /* Potentials stay within a few ART. */
    }
    return ERR_OK;
}

/* The first tree: every node hangs from the root by its artificial arc,
 * which carries the node's supply (up) or demand (down). */
static void
init_tree(struct mcf *m, int64_t art)
{
    int n = m->n;
    int root = n;
    size_t nodes = (size_t)n + 1;
    m->parent = xcalloc(nodes, sizeof(int));
    m->pred = xcalloc(nodes, sizeof(int));
    m->thread = xcalloc(nodes, sizeof(int));
    m->rev_thread = xcalloc(nodes, sizeof(int));
    m->succ_num = xcalloc(nodes, sizeof(int));
    m->last_succ = xcalloc(nodes, sizeof(int));
    m->pred_dir = xcalloc(nodes, sizeof(signed char));
    m->pred_flow = xcalloc(nodes, sizeof(int64_t));
    m->pred_cap = xcalloc(nodes, sizeof(int64_t));
    m->pi = xcalloc(nodes, sizeof(int64_t));
    m->dirty = xcalloc(nodes + 1, sizeof(int));
    m->path = xcalloc(2 * nodes, sizeof(int));
    m->parent[root] = -1;
    m->pred[root] = -1;
    m->thread[root] = 0;
    m->rev_thread[0] = root;
    m->succ_num[root] = n + 1;
    m->last_succ[root] = n - 1;
    for (int u = 0; u < n; u++) {
        int e = m->m + u;
        m->parent[u] = root;
        m->pred[u] = e;
        m->thread[u] = u + 1 < n ? u + 1 : root;
        m->rev_thread[u + 1 < n ? u + 1 : root] = u;
        m->succ_num[u] = 1;
        m->last_succ[u] = u;
        m->cap[e] = INT64_MAX;
        m->cost[e] = art;
        m->state[e] = STATE_TREE;
        if (m->supply[u] >= 0) {
            m->pred_dir[u] = DIR_UP;
            m->src[e] = u;
            m->dst[e] = root;
            m->flow[e] = m->supply[u];
            m->pi[u] = -art;
        } else {
            m->pred_dir[u] = DIR_DOWN;
            m->src[e] = root;
            m->dst[e] = u;
            m->flow[e] = -m->supply[u];
            m->pi[u] = art;
        }
        m->pred_flow[u] = m->flow[e];
        m->pred_cap[u] = INT64_MAX;
    }
    if (n == 0) {
        m->thread[root] = root;
        m->rev_thread[root] = root;
        m->last_succ[root] = root;
    }
}

/* The most negative state x reduced cost among arcs [lo, hi) below
 * '*best', into '*best' and '*arc' (the first such arc on ties). */
static void
scan_arcs(const struct mcf *m, int lo, int hi, int64_t *best, int *arc)
{
    const int *src = m->src;
    const int *dst = m->dst;
    const int64_t *cost = m->cost;
    const int64_t *pi = m->pi;
    const signed char *state = m->state;
    /* Two independent minima (even and odd steps) halve the chain of
     * compare-and-select; each keeps its first minimum, so the merged one
     * is the first minimum of the run. */
    int64_t b0 = *best;
    int64_t b1 = *best;
    int in0 = *arc;
    int in1 = -1;
    int e = lo;
    for (; e + 1 < hi; e += 2) {
        int64_t c0 = state[e] * (cost[e] + pi[src[e]] - pi[dst[e]]);
        int64_t c1 =
            state[e + 1] * (cost[e + 1] + pi[src[e + 1]] - pi[dst[e + 1]]);
        if (c0 < b0) {
            b0 = c0;
            in0 = e;
        }
        if (c1 < b1) {
            b1 = c1;
            in1 = e + 1;
        }
    }
    if (e < hi) {
        int64_t c0 = state[e] * (cost[e] + pi[src[e]] - pi[dst[e]]);
        if (c0 < b0) {
            b0 = c0;
            in0 = e;
        }
    }
    if (b1 < b0 || (b1 == b0 && in1 >= 0 && in1 < in0)) {
        b0 = b1;
        in0 = in1;
    }
    *best = b0;
    *arc = in0;
}

/* Block search: scan blocks of arcs from where the last search stopped;
 * take the most negative state x reduced cost of the first block that has
 * one. False when no arc can enter: the tree is optimal. */
static bool
find_entering(struct mcf *m)
{
    /* Artificial arcs never re-enter profitably: search the real ones. */
    int all = m->m;
    int64_t best = 0;
    int e = m->next_arc < all ? m->next_arc : 0;
    for (int left = all; left > 0;) {
        /* One block (the last one may be short), in at most two runs when
         * it wraps past the last arc. */
        int len = m->block < left ? m->block : left;
        int run = all - e < len ? all - e : len;
        scan_arcs(m, e, e + run, &best, &m->in_arc);
        scan_arcs(m, 0, len - run, &best, &m->in_arc);
        e = len - run > 0 ? len - run : (e + run == all ? 0 : e + run);
        left -= len;
        if (best < 0) {
            m->next_arc = e;
            return true;
        }
    }
    m->next_arc = e;
    return false;
}

static void
find_join(struct mcf *m)
{
    int *path_src = m->path;
    int *path_dst = m->path + m->n + 1;
    int n_src = 0;
    int n_dst = 0;
    int u = m->src[m->in_arc];
    int v = m->dst[m->in_arc];
    while (u != v) {
        if (m->succ_num[u] < m->succ_num[v]) {
            path_src[n_src++] = u;
            u = m->parent[u];
        } else {
            path_dst[n_dst++] = v;
            v = m->parent[v];
        }
    }
    m->join = u;
    m->n_path_src = n_src;
    m->n_path_dst = n_dst;
}

/* Residual of the tree arc of node 'u' in the direction the cycle
 * pushes: 'forward' when the flow grows on it. */
static int64_t
residual(const struct mcf *m, int u, bool forward)
{
    if (!forward) {
        return m->pred_flow[u];
    }
    return m->pred_cap[u] == INT64_MAX ? INT64_MAX
                                       : m->pred_cap[u] - m->pred_flow[u];
}

/* The leaving arc: the last blocking arc along the cycle in its
 * orientation (strict on the first side, not strict on the second).
 * False when the entering arc itself blocks first. */
static bool
find_leaving(struct mcf *m)
{
    int first = m->src[m->in_arc];
    int second = m->dst[m->in_arc];
    const int *path_first = m->path;
    const int *path_second = m->path + m->n + 1;
    int n_first = m->n_path_src;
    int n_second = m->n_path_dst;
    int result = 0;
    if (m->state[m->in_arc] != STATE_LOWER) {
        first = m->dst[m->in_arc];
        second = m->src[m->in_arc];
        path_first = m->path + m->n + 1;
        path_second = m->path;
        n_first = m->n_path_dst;
        n_second = m->n_path_src;
    }
    m->delta = m->cap[m->in_arc];
    for (int i = 0; i < n_first; i++) {
        int u = path_first[i];
        int64_t d = residual(m, u, m->pred_dir[u] == DIR_DOWN);
        if (d < m->delta) {
            m->delta = d;
            m->u_out = u;
            result = 1;
        }
    }
    for (int i = 0; i < n_second; i++) {
        int u = path_second[i];
        int64_t d = residual(m, u, m->pred_dir[u] == DIR_UP);
        if (d <= m->delta) {
            m->delta = d;
            m->u_out = u;
            result = 2;
        }
    }
    m->u_in = result == 1 ? first : second;
    m->v_in = result == 1 ? second : first;
    return result != 0;
}

static void
change_flow(struct mcf *m, bool change)
{
    if (m->delta > 0) {
        int64_t val = m->state[m->in_arc] * m->delta;
        m->flow[m->in_arc] += val;
        for (int i = 0; i < m->n_path_src; i++) {
            int u = m->path[i];
            m->pred_flow[u] -= m->pred_dir[u] * val;
        }
        for (int i = 0; i < m->n_path_dst; i++) {
            int u = m->path[m->n + 1 + i];
            m->pred_flow[u] += m->pred_dir[u] * val;
        }
    }
    if (change) {
        int out = m->pred[m->u_out];
        m->flow[out] = m->pred_flow[m->u_out]; /* It leaves the tree. */
        m->state[m->in_arc] = STATE_TREE;
        m->state[out] = m->flow[out] == 0 ? STATE_LOWER : STATE_UPPER;
    } else {
        m->state[m->in_arc] = (signed char)-m->state[m->in_arc];
    }
}

/* Reattach the subtree cut off by the leaving arc: the stem from u_out to
 * u_in is reversed and hung from v_in, and the thread order, subtree sizes
 * and last successors are repaired along the changed paths only. */
static void
reverse_stem(struct mcf *m, int old_rev_thread, int old_last_succ,
             int *last_out)
{
    int u_in = m->u_in;
    int v_in = m->v_in;
    int u_out = m->u_out;
    int thread_continue =
        old_rev_thread == v_in ? m->thread[old_last_succ] : m->thread[v_in];
    int stem = u_in;
    int par_stem = v_in;
    int last = m->last_succ[u_in];
    int after = m->thread[last];
    int n_dirty = 0;
    m->thread[v_in] = u_in;
    m->dirty[n_dirty++] = v_in;
    while (stem != u_out) {
        int next_stem = m->parent[stem];
        m->thread[last] = next_stem;
        m->dirty[n_dirty++] = last;
        int before = m->rev_thread[stem];
        m->thread[before] = after;
        m->rev_thread[after] = before;
        m->parent[stem] = par_stem;
        par_stem = stem;
        stem = next_stem;
        last = m->last_succ[stem] == m->last_succ[par_stem]
                   ? m->rev_thread[par_stem]
                   : m->last_succ[stem];
        after = m->thread[last];
    }
    m->parent[u_out] = par_stem;
    m->thread[last] = thread_continue;
    m->rev_thread[thread_continue] = last;
    m->last_succ[u_out] = last;
    if (old_rev_thread != v_in) {
        m->thread[old_rev_thread] = after;
        m->rev_thread[after] = old_rev_thread;
    }
    for (int i = 0; i < n_dirty; i++) {
        m->rev_thread[m->thread[m->dirty[i]]] = m->dirty[i];
    }
    *last_out = last;
}

/* The entering arc becomes the tree arc of 'u'. */
static void
set_pred(struct mcf *m, int u)
{
    m->pred[u] = m->in_arc;
    m->pred_flow[u] = m->flow[m->in_arc];
    m->pred_cap[u] = m->cap[m->in_arc];
}

/* Pred, direction, subtree size and last successor along the reversed
 * stem, from u_out back to u_in. */
static void
fix_stem(struct mcf *m, int old_succ_num)
{
    int tmp_sc = 0;
    int tmp_ls = m->last_succ[m->u_out];
    for (int u = m->u_out, p = m->parent[u]; u != m->u_in;
         u = p, p = m->parent[u]) {
        m->pred[u] = m->pred[p];
        m->pred_flow[u] = m->pred_flow[p];
        m->pred_cap[u] = m->pred_cap[p];
        m->pred_dir[u] = (signed char)-m->pred_dir[p];
        tmp_sc += m->succ_num[u] - m->succ_num[p];
        m->succ_num[u] = tmp_sc;
        m->last_succ[p] = tmp_ls;
    }
    set_pred(m, m->u_in);
    m->pred_dir[m->u_in] =
        (signed char)(m->u_in == m->src[m->in_arc] ? DIR_UP : DIR_DOWN);
    m->succ_num[m->u_in] = old_succ_num;
}

static void
attach_leaf(struct mcf *m, int old_rev_thread, int old_last_succ)
{
    int u_in = m->u_in;
    int v_in = m->v_in;
    m->parent[u_in] = v_in;
    set_pred(m, u_in);
    m->pred_dir[u_in] =
        (signed char)(u_in == m->src[m->in_arc] ? DIR_UP : DIR_DOWN);
    if (m->thread[v_in] != m->u_out) {
        int after = m->thread[old_last_succ];
        m->thread[old_rev_thread] = after;
        m->rev_thread[after] = old_rev_thread;
        after = m->thread[v_in];
        m->thread[v_in] = m->u_out;
        m->rev_thread[m->u_out] = v_in;
        m->thread[old_last_succ] = after;
        m->rev_thread[after] = old_last_succ;
    }
}

static void
update_tree(struct mcf *m)
{
    int old_rev_thread = m->rev_thread[m->u_out];
    int old_succ_num = m->succ_num[m->u_out];
    int old_last_succ = m->last_succ[m->u_out];
    int v_out = m->parent[m->u_out];
    int last = 0;
    if (m->u_in == m->u_out) {
        attach_leaf(m, old_rev_thread, old_last_succ);
    } else {
        reverse_stem(m, old_rev_thread, old_last_succ, &last);
        fix_stem(m, old_succ_num);
    }
    int up_limit_out = m->last_succ[m->join] == m->v_in ? m->join : -1;
    int last_succ_out = m->last_succ[m->u_out];
    for (int u = m->v_in; u != -1 && m->last_succ[u] == m->v_in;
         u = m->parent[u]) {
        m->last_succ[u] = last_succ_out;
    }
    bool shifted = m->join != old_rev_thread && m->v_in != old_rev_thread;
    if (shifted || last_succ_out != old_last_succ) {
        int to = shifted ? old_rev_thread : last_succ_out;
        for (int u = v_out;
             u != up_limit_out && m->last_succ[u] == old_last_succ;
             u = m->parent[u]) {
            m->last_succ[u] = to;
        }
    }
    for (int u = m->v_in; u != m->join; u = m->parent[u]) {
        m->succ_num[u] += old_succ_num;
    }
    for (int u = v_out; u != m->join; u = m->parent[u]) {
        m->succ_num[u] -= old_succ_num;
    }
}

/* Add 'delta' to the potentials of the 'count' nodes from 'first' to
 * 'last' in thread order. The walk is a chain of dependent loads, so it
 * runs from both ends at once (thread forward, rev_thread back): two
 * chains in flight instead of one. */
static void
shift_potentials(struct mcf *m, int first, int last, int count, int64_t delta)
{
    const int *thread = m->thread;
    const int *rev_thread = m->rev_thread;
    int64_t *pi = m->pi;
    int a = first;
    int b = last;
    for (int k = count / 2; k > 0; k--) {
        pi[a] += delta;
        pi[b] += delta;
        a = thread[a];
        b = rev_thread[b];
    }
    if (count % 2 != 0) {
        pi[a] += delta; /* The middle node: a == b. */
    }
}

/* Keep the entering arc's reduced cost zero: shift the potentials of the
 * subtree now hanging from it by sigma or, when that subtree holds more
 * than half of the nodes, those of all the other nodes by -sigma, which
 * leaves every reduced cost the same for fewer steps along the thread.
 * The second way moves the root's potential off zero; it is taken only
 * while the root stays within ART of zero, so that every potential stays
 * within 3 ART (prepare() bounds ART by INT64_MAX / 8). */
static void
update_potential(struct mcf *m)
{
    int64_t sigma = m->pi[m->v_in] - m->pi[m->u_in] -
                    m->pred_dir[m->u_in] * m->cost[m->in_arc];
    int size = m->succ_num[m->u_in];
    int last = m->last_succ[m->u_in];
    int64_t root_pi = m->pi[m->n] - sigma;
    if (2 * size > m->n + 1 && root_pi <= m->art && root_pi >= -m->art) {
        shift_potentials(m, m->thread[last], m->rev_thread[m->u_in],
                         m->n + 1 - size, -sigma);
    } else {
        shift_potentials(m, m->u_in, last, size, sigma);
    }
}

static void
pivot(struct mcf *m)
{
    find_join(m);
    bool change = find_leaving(m);
    m->trail = trail_mix(m->trail, (uint32_t)m->in_arc);
    m->trail = trail_mix(m->trail, (uint32_t)(change ? m->u_out : -1));
    m->trail = trail_mix(m->trail, (uint32_t)(change ? m->u_in : -1));
    m->trail = trail_mix(m->trail, (uint64_t)m->delta);
    change_flow(m, change);
    if (change) {
        update_tree(m);
        update_potential(m);
    }
}

/* Heuristic first pivots (as LEMON does): bring in the cheapest arc into
 * each node with a demand, which settles most of a transport-shaped
 * problem before the block search starts. */
static void
initial_pivots(struct mcf *m)
{
    int *best = xmalloc(((size_t)m->n + 1) * sizeof(int));
    for (int u = 0; u < m->n; u++) {
        best[u] = -1;
    }
    for (int e = 0; e < m->m; e++) {
        int v = m->dst[e];
        if (m->supply[v] < 0 &&
            (best[v] < 0 || m->cost[e] < m->cost[best[v]])) {
            best[v] = e;
        }
    }
    for (int u = 0; u < m->n; u++) {
        int e = best[u];
        if (e < 0 ||
            m->state[e] * (m->cost[e] + m->pi[m->src[e]] - m->pi[m->dst[e]]) >=
                0) {
            continue;
        }
        m->in_arc = e;
        pivot(m);
    }
    free(best);
}

static enum err
total_cost(const struct mcf *m, int64_t *out)
{
    int64_t sum = 0;
    for (int e = 0; e < m->m; e++) {
        int64_t f = m->flow[e] + m->low[e];
        int64_t c = 0;
        if (__builtin_mul_overflow(f, m->cost[e], &c) ||
            __builtin_add_overflow(sum, c, &sum)) {
            return ERR_TOOBIG;
        }
    }
    *out = sum;
    return ERR_OK;
}

/* Solve by cost scaling into m->flow (less the lower bounds, as the
 * network simplex leaves it). */
static enum err
solve_cs(struct mcf *m, enum mcf_status *status, int64_t *cost)
{
    struct mcf_cs_net net = {m->n,   m->m,   m->src,  m->dst,
                             m->low, m->cap, m->cost, m->supply};
    struct mcf_cs_result res = {0};
    res.flow = xcalloc((size_t)m->m + 1, sizeof(int64_t));
    enum err rc = mcf_cs_solve(&net, &res);
    if (rc != ERR_OK) {
        free(res.flow);
        return rc;
    }
    for (int e = 0; e < m->m; e++) {
        res.flow[e] -= m->low[e];
    }
    m->flow = res.flow;
    *status = res.feasible ? MCF_OPTIMAL : MCF_INFEASIBLE;
    return res.feasible ? total_cost(m, cost) : ERR_OK;
}

enum err
mcf_solve(struct mcf *m, enum mcf_status *status, int64_t *cost)
{
    int64_t art = 0;
    assert(!m->solved);
    m->solved = true;
    if (m->solver == MCF_SOLVER_CS ||
        (m->solver == MCF_SOLVER_AUTO && m->m >= MCF_AUTO_MIN_ARCS)) {
        enum err rc = solve_cs(m, status, cost);
        if (rc != ERR_TOOBIG || m->solver == MCF_SOLVER_CS) {
            return rc;
        }
    }
    mix_arcs(m);
    enum err rc = prepare(m, &art);
    if (rc != ERR_OK) {
        return rc;
    }
    m->art = art;
    init_tree(m, art);
    m->next_arc = 0;
    m->block = (int)sqrt((double)m->m);
    m->block = m->block < 10 ? 10 : m->block;
    initial_pivots(m);
    while (find_entering(m)) {
        pivot(m);
    }
    for (int u = 0; u < m->n; u++) {
        m->flow[m->pred[u]] = m->pred_flow[u];
    }
    for (int u = 0; u < m->n; u++) {
        if (m->flow[m->m + u] != 0) {
            *status = MCF_INFEASIBLE;
            return ERR_OK;
        }
    }
    *status = MCF_OPTIMAL;
    return total_cost(m, cost);
}
