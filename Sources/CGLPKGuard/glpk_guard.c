/* SPDX-License-Identifier: GPL-3.0-or-later */
/* glpk_guard.c: see include/glpk_guard.h. */

#include "glpk_guard.h"

#include <float.h>
#include <limits.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- thread state ------------------------------------------------------------------ */

#define LOG_CAP ((size_t)16 << 20)
#define TAIL_CAP 4096
#define ERROR_CAP 2048

static _Thread_local jmp_buf g_jmp;
static _Thread_local int g_depth;
static _Thread_local unsigned long g_generation;
static _Thread_local int g_echo;
static _Thread_local int g_quiet;

static _Thread_local char *g_log;
static _Thread_local size_t g_log_len;
static _Thread_local size_t g_log_cap;
static _Thread_local int g_log_truncated;

/* The last TAIL_CAP bytes of output, kept even when the log is full: the error message. */
static _Thread_local char g_tail[TAIL_CAP];
static _Thread_local size_t g_tail_len;

static _Thread_local char g_error[ERROR_CAP];

static void log_append(const char *s, size_t n)
{
    if (g_log_truncated) return;
    if (g_log_len + n > LOG_CAP) {
        static const char note[] = "\n[glpk_guard: log truncated at 16 MiB]\n";
        g_log_truncated = 1;
        s = note;
        n = sizeof note - 1;
    }
    if (g_log_len + n + 1 > g_log_cap) {
        size_t cap = g_log_cap ? g_log_cap : 4096;
        while (cap < g_log_len + n + 1) cap *= 2;
        char *grown = realloc(g_log, cap);
        if (grown == NULL) { g_log_truncated = 1; return; }
        g_log = grown;
        g_log_cap = cap;
    }
    memcpy(g_log + g_log_len, s, n);
    g_log_len += n;
    g_log[g_log_len] = '\0';
}

static void tail_append(const char *s, size_t n)
{
    if (n >= TAIL_CAP) {
        memcpy(g_tail, s + (n - TAIL_CAP), TAIL_CAP);
        g_tail_len = TAIL_CAP;
        return;
    }
    if (g_tail_len + n > TAIL_CAP) {
        size_t drop = g_tail_len + n - TAIL_CAP;
        memmove(g_tail, g_tail + drop, g_tail_len - drop);
        g_tail_len -= drop;
    }
    memcpy(g_tail + g_tail_len, s, n);
    g_tail_len += n;
}

static int term_hook(void *info, const char *s)
{
    (void)info;
    size_t n = strlen(s);
    tail_append(s, n);
    if (g_quiet) return 1;
    log_append(s, n);
    if (g_echo) {
        fputs(s, stderr);
        fflush(stderr);
    }
    return 1; /* handled: GLPK prints nothing */
}

unsigned long glpg_generation(void) { return g_generation; }

const char *glpg_last_error(void) { return g_error; }

const char *glpg_log_data(void) { return g_log != NULL ? g_log : ""; }

size_t glpg_log_length(void) { return g_log_len; }

void glpg_log_clear(void)
{
    g_log_len = 0;
    g_log_truncated = 0;
    if (g_log != NULL) g_log[0] = '\0';
    g_tail_len = 0;
}

void glpg_set_echo(int on) { g_echo = on != 0; }

void glpg_set_quiet(int on) { g_quiet = on != 0; }

void glpg_free_env(void)
{
    glp_free_env();
    g_generation++;
}

/* ---- the guard ----------------------------------------------------------------------- */

static void on_glpk_error(void *info)
{
    (void)info;
    longjmp(g_jmp, 1);
}

/* The error message: the last two lines GLPK printed (the message, then "Error detected in
   file ... at line ..."). */
static void capture_error(void)
{
    size_t end = g_tail_len;
    while (end > 0 && (g_tail[end - 1] == '\n' || g_tail[end - 1] == '\r')) end--;
    size_t start = end;
    int lines = 0;
    while (start > 0) {
        if (g_tail[start - 1] == '\n') {
            lines++;
            if (lines == 2) break;
        }
        start--;
    }
    size_t n = end - start;
    if (n >= ERROR_CAP) {
        start = end - (ERROR_CAP - 1);
        n = ERROR_CAP - 1;
    }
    memcpy(g_error, g_tail + start, n);
    g_error[n] = '\0';
    if (n == 0) snprintf(g_error, ERROR_CAP, "GLPK error (no message captured)");
}

static void guard_enter(void)
{
    g_depth++;
    glp_term_hook(term_hook, NULL);
}

static int guard_leave(void)
{
    glp_error_hook(NULL, NULL);
    g_depth--;
    return GLPG_OK;
}

static int guard_fatal(void)
{
    g_depth--;
    capture_error();
    /* The manual requires this after an error: the environment (every problem and graph
       object on this thread) is freed; the next GLPK call starts a fresh one. */
    glp_free_env();
    g_generation++;
    return GLPG_FATAL;
}

/* Runs `body` with GLPK's error hook pointing at a longjmp back here. No Swift frame is
   ever between the setjmp and the longjmp: callbacks given to GLPK are C functions. */
#define GUARDED(body)                                   \
    do {                                                \
        guard_enter();                                  \
        if (setjmp(g_jmp) != 0) return guard_fatal();   \
        glp_error_hook(on_glpk_error, NULL);            \
        body;                                           \
        return guard_leave();                           \
    } while (0)

/* ---- problem object ------------------------------------------------------------------ */

int glpg_create_prob(glp_prob **out)
{
    GUARDED(*out = glp_create_prob());
}

int glpg_delete_prob(glp_prob *P) { GUARDED(glp_delete_prob(P)); }

int glpg_set_prob_name(glp_prob *P, const char *name) { GUARDED(glp_set_prob_name(P, name)); }

int glpg_set_obj_dir(glp_prob *P, int dir) { GUARDED(glp_set_obj_dir(P, dir)); }

int glpg_add_rows(glp_prob *P, int nrs, int *first)
{
    GUARDED({
        int i = glp_add_rows(P, nrs);
        if (first != NULL) *first = i;
    });
}

int glpg_add_cols(glp_prob *P, int ncs, int *first)
{
    GUARDED({
        int j = glp_add_cols(P, ncs);
        if (first != NULL) *first = j;
    });
}

int glpg_set_row_name(glp_prob *P, int i, const char *name) { GUARDED(glp_set_row_name(P, i, name)); }

int glpg_set_col_name(glp_prob *P, int j, const char *name) { GUARDED(glp_set_col_name(P, j, name)); }

int glpg_set_row_bnds(glp_prob *P, int i, int type, double lb, double ub)
{
    GUARDED(glp_set_row_bnds(P, i, type, lb, ub));
}

int glpg_set_col_bnds(glp_prob *P, int j, int type, double lb, double ub)
{
    GUARDED(glp_set_col_bnds(P, j, type, lb, ub));
}

int glpg_set_obj_coef(glp_prob *P, int j, double coef) { GUARDED(glp_set_obj_coef(P, j, coef)); }

int glpg_set_col_kind(glp_prob *P, int j, int kind) { GUARDED(glp_set_col_kind(P, j, kind)); }

int glpg_load_matrix(glp_prob *P, int ne, const int *ia, const int *ja, const double *ar)
{
    GUARDED(glp_load_matrix(P, ne, ia, ja, ar));
}

int glpg_scale_prob(glp_prob *P, int flags) { GUARDED(glp_scale_prob(P, flags)); }

/* ---- solving ------------------------------------------------------------------------- */

int glpg_simplex(glp_prob *P, const glp_smcp *parm, int *ret)
{
    GUARDED(*ret = glp_simplex(P, parm));
}

static double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
    glpg_mip_progress *progress;
    int dir;
    double last_sample;
    /* A known integer-feasible solution, handed to GLPK once at its first heuristic call. */
    const double *start;
    int start_given;
} intopt_info;

static void sample_bound(glp_tree *T, intopt_info *info)
{
    glpg_mip_progress *pr = info->progress;
    int a_cnt = 0;
    glp_ios_tree_size(T, &a_cnt, NULL, NULL);
    pr->active_nodes = a_cnt;
    if (!pr->sample_every_node && a_cnt > 2000) {
        double now = monotonic_seconds();
        if (now - info->last_sample < 0.25) return;
        info->last_sample = now;
    }
    int p = glp_ios_best_node(T);
    if (p == 0) return; /* the tree is empty */
    double b = glp_ios_node_bound(T, p);
    if (b == -DBL_MAX || b == DBL_MAX || b != b) return; /* not yet bounded */
    if (!pr->has_bound) {
        pr->bound = b;
        pr->has_bound = 1;
    } else if (info->dir == GLP_MIN) {
        if (b > pr->bound) pr->bound = b; /* every sample is a valid bound: keep the tightest */
    } else {
        if (b < pr->bound) pr->bound = b;
    }
}

static void intopt_callback(glp_tree *T, void *raw)
{
    intopt_info *info = raw;
    info->progress->callbacks++;
    /* GLPK checks the gap and the time limit at the top of its minor loop, right before
       GLP_IPREPRO; GLP_ISELECT and GLP_IBINGO catch the tree after selections and new
       incumbents. (The state GLPK sees when it stops is not reachable from a callback.) */
    switch (glp_ios_reason(T)) {
    case GLP_ISELECT:
    case GLP_IPREPRO:
    case GLP_IBINGO:
        sample_bound(T, info);
        break;
    case GLP_IHEUR:
        if (info->start != NULL && !info->start_given) {
            info->start_given = 1;
            /* 0: accepted as the incumbent; 1: rejected (not better than the incumbent). */
            info->progress->start_rejected = glp_ios_heur_sol(T, info->start) != 0;
        }
        break;
    default:
        break;
    }
}

static int run_intopt(glp_prob *P, const glp_iocp *parm, glpg_mip_progress *progress, const double *start)
{
    glp_iocp local = *parm;
    intopt_info info;
    info.progress = progress;
    info.start = start;
    info.start_given = 0;
    info.dir = glp_get_obj_dir(P);
    info.last_sample = monotonic_seconds();
    if (progress != NULL) {
        progress->has_bound = 0;
        progress->bound = 0.0;
        progress->callbacks = 0;
        progress->active_nodes = 0;
        progress->start_rejected = 0;
        local.cb_func = intopt_callback;
        local.cb_info = &info;
    } else {
        local.cb_func = NULL;
        local.cb_info = NULL;
    }
    return glp_intopt(P, &local);
}

int glpg_intopt(glp_prob *P, const glp_iocp *parm, glpg_mip_progress *progress, int *ret)
{
    GUARDED(*ret = run_intopt(P, parm, progress, NULL));
}

int glpg_intopt_from(glp_prob *P, const glp_iocp *parm, glpg_mip_progress *progress, const double *start, int *ret)
{
    GUARDED(*ret = run_intopt(P, parm, progress, start));
}

static void read_row_duals(glp_prob *P, double *row_dual, int m)
{
    for (int i = 1; i <= m; i++) row_dual[i - 1] = glp_get_row_dual(P, i);
}

int glpg_get_row_duals(glp_prob *P, double *row_dual, int m)
{
    GUARDED(read_row_duals(P, row_dual, m));
}

static void read_lp_solution(glp_prob *P, int *status, int *prim_stat, int *dual_stat,
                             double *obj, double *col_prim, int n)
{
    *status = glp_get_status(P);
    *prim_stat = glp_get_prim_stat(P);
    *dual_stat = glp_get_dual_stat(P);
    *obj = glp_get_obj_val(P);
    if (col_prim != NULL)
        for (int j = 1; j <= n; j++) col_prim[j - 1] = glp_get_col_prim(P, j);
}

int glpg_get_lp_solution(glp_prob *P, int *status, int *prim_stat, int *dual_stat,
                         double *obj, double *col_prim, int n)
{
    GUARDED(read_lp_solution(P, status, prim_stat, dual_stat, obj, col_prim, n));
}

static void read_mip_solution(glp_prob *P, int *status, double *obj, double *col_val, int n)
{
    *status = glp_mip_status(P);
    *obj = glp_mip_obj_val(P);
    if (col_val != NULL)
        for (int j = 1; j <= n; j++) col_val[j - 1] = glp_mip_col_val(P, j);
}

int glpg_get_mip_solution(glp_prob *P, int *status, double *obj, double *col_val, int n)
{
    GUARDED(read_mip_solution(P, status, obj, col_val, n));
}

/* ---- files --------------------------------------------------------------------------- */

int glpg_write_lp(glp_prob *P, const char *fname, int *ret)
{
    GUARDED(*ret = glp_write_lp(P, NULL, fname));
}

int glpg_write_mps(glp_prob *P, int fmt, const char *fname, int *ret)
{
    GUARDED(*ret = glp_write_mps(P, fmt, NULL, fname));
}

int glpg_read_lp(glp_prob *P, const char *fname, int *ret)
{
    GUARDED(*ret = glp_read_lp(P, NULL, fname));
}

int glpg_read_mps(glp_prob *P, int fmt, const char *fname, int *ret)
{
    GUARDED(*ret = glp_read_mps(P, fmt, NULL, fname));
}

/* ---- reading a problem back ------------------------------------------------------------ */

static void read_size(glp_prob *P, int *m, int *n, int *nnz)
{
    *m = glp_get_num_rows(P);
    *n = glp_get_num_cols(P);
    *nnz = glp_get_num_nz(P);
}

int glpg_get_size(glp_prob *P, int *m, int *n, int *nnz)
{
    GUARDED(read_size(P, m, n, nnz));
}

static void read_model(glp_prob *P, int *dir, double *constant,
                       int *col_kind, int *col_type, double *col_lb, double *col_ub, double *col_obj,
                       int *row_type, double *row_lb, double *row_ub,
                       int *row_start, int *col, double *val)
{
    int m = glp_get_num_rows(P);
    int n = glp_get_num_cols(P);
    *dir = glp_get_obj_dir(P);
    *constant = glp_get_obj_coef(P, 0);
    for (int j = 1; j <= n; j++) {
        col_kind[j - 1] = glp_get_col_kind(P, j);
        col_type[j - 1] = glp_get_col_type(P, j);
        col_lb[j - 1] = glp_get_col_lb(P, j);
        col_ub[j - 1] = glp_get_col_ub(P, j);
        col_obj[j - 1] = glp_get_obj_coef(P, j);
    }
    /* glp_get_mat_row fills entries 1..len of 1-based arrays: read each row into scratch
       arrays from glp_alloc (freed with the environment should GLPK's error hook fire). */
    int *ind = glp_alloc(n + 1, sizeof(int));
    double *coef = glp_alloc(n + 1, sizeof(double));
    int offset = 0;
    row_start[0] = 0;
    for (int i = 1; i <= m; i++) {
        row_type[i - 1] = glp_get_row_type(P, i);
        row_lb[i - 1] = glp_get_row_lb(P, i);
        row_ub[i - 1] = glp_get_row_ub(P, i);
        int len = glp_get_mat_row(P, i, ind, coef);
        for (int k = 1; k <= len; k++) {
            col[offset] = ind[k] - 1;
            val[offset] = coef[k];
            offset++;
        }
        row_start[i] = offset;
    }
    glp_free(ind);
    glp_free(coef);
}

int glpg_get_model(glp_prob *P, int *dir, double *constant,
                   int *col_kind, int *col_type, double *col_lb, double *col_ub, double *col_obj,
                   int *row_type, double *row_lb, double *row_ub,
                   int *row_start, int *col, double *val)
{
    GUARDED(read_model(P, dir, constant, col_kind, col_type, col_lb, col_ub, col_obj,
                       row_type, row_lb, row_ub, row_start, col, val));
}

int glpg_get_prob_name(glp_prob *P, const char **name)
{
    GUARDED(*name = glp_get_prob_name(P));
}

int glpg_get_row_name(glp_prob *P, int i, const char **name)
{
    GUARDED(*name = glp_get_row_name(P, i));
}

int glpg_get_col_name(glp_prob *P, int j, const char **name)
{
    GUARDED(*name = glp_get_col_name(P, j));
}

/* ---- assignment problems ----------------------------------------------------------------- */

typedef struct { int set; } asn_vertex;
typedef struct { double cost; int x; } asn_arc;

/* Builds the bipartite graph: vertices 1..nl are the left side (set 0), nl+1..nl+nr the
   right side (set 1); arc k goes from left[k] to right[k]. arcs[k] receives arc k. */
static glp_graph *build_asn_graph(int nl, int nr, int ne, const int *left, const int *right,
                                  const double *cost, glp_arc **arcs)
{
    glp_graph *G = glp_create_graph((int)sizeof(asn_vertex), (int)sizeof(asn_arc));
    glp_add_vertices(G, nl + nr);
    for (int i = 1; i <= nl + nr; i++) {
        asn_vertex *v = G->v[i]->data;
        v->set = i <= nl ? 0 : 1;
    }
    for (int k = 0; k < ne; k++) {
        glp_arc *a = glp_add_arc(G, left[k] + 1, nl + right[k] + 1);
        asn_arc *d = a->data;
        d->cost = cost != NULL ? cost[k] : 1.0;
        d->x = 0;
        arcs[k] = a;
    }
    return G;
}

static int run_hall(int nl, int nr, int ne, const int *left, const int *right, int *x)
{
    /* glp_alloc'd memory and the graph are freed by glp_free_env if GLPK fails midway. */
    glp_arc **arcs = glp_alloc(ne, (int)sizeof(glp_arc *));
    glp_graph *G = build_asn_graph(nl, nr, ne, left, right, NULL, arcs);
    int card = glp_asnprob_hall(G, (int)offsetof(asn_vertex, set), (int)offsetof(asn_arc, x));
    for (int k = 0; k < ne; k++) x[k] = ((asn_arc *)arcs[k]->data)->x;
    glp_delete_graph(G);
    glp_free(arcs);
    return card;
}

int glpg_asnprob_hall(int nl, int nr, int ne, const int *left, const int *right,
                      int *x, int *card)
{
    if (nl < 0 || nr < 0 || ne < 0) { *card = -1; return GLPG_OK; }
    if (ne == 0 || nl == 0 || nr == 0) {
        for (int k = 0; k < ne; k++) x[k] = 0;
        *card = ne == 0 ? 0 : -1;
        return GLPG_OK;
    }
    GUARDED(*card = run_hall(nl, nr, ne, left, right, x));
}

static int run_okalg(int form, int nl, int nr, int ne, const int *left, const int *right,
                     const double *cost, int *x, double *sol)
{
    glp_arc **arcs = glp_alloc(ne, (int)sizeof(glp_arc *));
    glp_graph *G = build_asn_graph(nl, nr, ne, left, right, cost, arcs);
    int ret = glp_asnprob_okalg(form, G, (int)offsetof(asn_vertex, set),
                                (int)offsetof(asn_arc, cost), sol, (int)offsetof(asn_arc, x));
    for (int k = 0; k < ne; k++) x[k] = ret == 0 ? ((asn_arc *)arcs[k]->data)->x : 0;
    glp_delete_graph(G);
    glp_free(arcs);
    return ret;
}

int glpg_asnprob_okalg(int form, int nl, int nr, int ne, const int *left, const int *right,
                       const double *cost, int *x, double *sol, int *ret)
{
    *sol = 0.0;
    if (nl < 0 || nr < 0 || ne < 0 || nl + nr == 0 || ne == 0) {
        for (int k = 0; k < ne; k++) x[k] = 0;
        *ret = GLP_EDATA;
        return GLPG_OK;
    }
    GUARDED(*ret = run_okalg(form, nl, nr, ne, left, right, cost, x, sol));
}
