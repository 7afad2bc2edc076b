/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * glpk_guard.h: GLPK entry points that cannot abort the process.
 *
 * GLPK reports an invalid call (an index out of range, a bad bound type, an internal
 * assertion, out of memory) through glp_error, which prints a message and calls abort()
 * unless an error hook is installed, and the hook must longjmp back to a setjmp frame.
 * Swift cannot call setjmp, so every GLPK call that can reach glp_error goes through one
 * of the wrappers below: set the hook, make the one call, clear the hook.
 *
 * Return value of every wrapper: GLPG_OK, or GLPG_FATAL when GLPK's error hook fired. In
 * that case the wrapper has already called glp_free_env(), which frees every problem and
 * graph object created on this thread (do not delete them afterwards), and
 * glpg_last_error() holds GLPK's message. The per-thread "generation" counter is bumped,
 * so owners of GLPK objects can tell that theirs are gone.
 *
 * GLPK keeps one environment per thread, and so does this guard: the captured output, the
 * last error and the generation are all thread-local. Create, use and delete a GLPK
 * object on one thread.
 *
 * Output: every wrapper installs a terminal hook that appends GLPK's output to a
 * thread-local log buffer and returns non-zero, so nothing is printed (unless echo is
 * turned on, which copies the output to stderr).
 */
#ifndef GLPK_GUARD_H
#define GLPK_GUARD_H

#include <stddef.h>
#include <glpk.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GLPG_OK 0
#define GLPG_FATAL (-1)

/* ---- thread state ------------------------------------------------------------------ */

/* Number of times the guard freed this thread's GLPK environment after an error. */
unsigned long glpg_generation(void);

/* GLPK's message (the last lines it printed) at the last fatal error on this thread, or "". */
const char *glpg_last_error(void);

/* Captured GLPK output on this thread since the last glpg_log_clear(). Not NUL-terminated
   by contract: use glpg_log_length(). The log is capped (16 MiB); a note marks the cut. */
const char *glpg_log_data(void);
size_t glpg_log_length(void);
void glpg_log_clear(void);

/* Also copy GLPK's output to stderr (0: no, the default). */
void glpg_set_echo(int on);

/* Drop GLPK's output instead of logging it (0: log it, the default). Error messages are
   still captured for glpg_last_error(). For output that msg_lev does not control, such as
   glp_scale_prob's. */
void glpg_set_quiet(int on);

/* Frees this thread's GLPK environment (every object on this thread is gone) and bumps the
   generation. For threads that are about to exit. */
void glpg_free_env(void);

/* ---- problem object ------------------------------------------------------------------ */

int glpg_create_prob(glp_prob **out);
int glpg_delete_prob(glp_prob *P);
int glpg_set_prob_name(glp_prob *P, const char *name);
int glpg_set_obj_dir(glp_prob *P, int dir);
/* first: receives the ordinal number of the first new row/column (may be NULL). */
int glpg_add_rows(glp_prob *P, int nrs, int *first);
int glpg_add_cols(glp_prob *P, int ncs, int *first);
int glpg_set_row_name(glp_prob *P, int i, const char *name);
int glpg_set_col_name(glp_prob *P, int j, const char *name);
int glpg_set_row_bnds(glp_prob *P, int i, int type, double lb, double ub);
int glpg_set_col_bnds(glp_prob *P, int j, int type, double lb, double ub);
/* j = 0 sets the objective constant. */
int glpg_set_obj_coef(glp_prob *P, int j, double coef);
int glpg_set_col_kind(glp_prob *P, int j, int kind);
/* ia, ja, ar: 1-based (slot 0 unused), ne entries. */
int glpg_load_matrix(glp_prob *P, int ne, const int *ia, const int *ja, const double *ar);
int glpg_scale_prob(glp_prob *P, int flags);

/* ---- solving ------------------------------------------------------------------------- */

/* ret: glp_simplex's return code. */
int glpg_simplex(glp_prob *P, const glp_smcp *parm, int *ret);

/* Best bound seen in the branch-and-bound tree, recorded by the guard's callback. */
typedef struct glpg_mip_progress {
    /* in: non-zero to sample at every subproblem selection; zero samples at most every
       250 ms once the tree holds more than 2,000 active nodes (the sample costs O(active)). */
    int sample_every_node;
    /* out: non-zero when a finite bound was sampled. */
    int has_bound;
    /* out: the tightest sampled bound: a lower bound on the optimum when minimising, an
       upper bound when maximising (best active node's local bound, glp_ios_node_bound). */
    double bound;
    /* out: number of callback invocations, and the last active-node count seen. */
    long callbacks;
    int active_nodes;
    /* out: non-zero when a start given to glpg_intopt_from was refused by GLPK (not better
       than an incumbent GLPK already had). */
    int start_rejected;
} glpg_mip_progress;

/* ret: glp_intopt's return code. parm->cb_func / cb_info are replaced by the guard's own
   callback, which fills *progress (may be NULL). */
int glpg_intopt(glp_prob *P, const glp_iocp *parm, glpg_mip_progress *progress, int *ret);

/* glpg_intopt with a known integer-feasible solution: start[1..n] (GLPK's 1-based layout,
   slot 0 unused) is handed to GLPK as its incumbent at the first GLP_IHEUR callback
   (glp_ios_heur_sol). GLPK checks only that integer columns are integral, not the rows or
   bounds: the caller must check feasibility first (LinearModel.isFeasible). */
int glpg_intopt_from(glp_prob *P, const glp_iocp *parm, glpg_mip_progress *progress, const double *start, int *ret);

/* The row duals (glp_get_row_dual) of the basic solution, row i = 1..m into row_dual[i-1]. */
int glpg_get_row_duals(glp_prob *P, double *row_dual, int m);

/* Basic solution: status (glp_get_status), primal/dual status, objective, and the primal
   value of every column into col_prim[0..n-1] (may be NULL). */
int glpg_get_lp_solution(glp_prob *P, int *status, int *prim_stat, int *dual_stat,
                         double *obj, double *col_prim, int n);
/* MIP solution: glp_mip_status, glp_mip_obj_val, glp_mip_col_val for columns 1..n into
   col_val[0..n-1] (may be NULL). */
int glpg_get_mip_solution(glp_prob *P, int *status, double *obj, double *col_val, int n);

/* ---- files --------------------------------------------------------------------------- */

/* ret: GLPK's return code (0 on success, non-zero when the file could not be written). */
int glpg_write_lp(glp_prob *P, const char *fname, int *ret);
int glpg_write_mps(glp_prob *P, int fmt, const char *fname, int *ret);

/* Reads a model file into P (GLPK erases P first): glp_read_lp for CPLEX LP, glp_read_mps
   with fmt (GLP_MPS_DECK or GLP_MPS_FILE) for MPS. ret: GLPK's return code (0 on success,
   non-zero when the file could not be read or parsed; GLPK's message is in the log). */
int glpg_read_lp(glp_prob *P, const char *fname, int *ret);
int glpg_read_mps(glp_prob *P, int fmt, const char *fname, int *ret);

/* ---- reading a problem back ------------------------------------------------------------ */

/* Numbers of rows, columns and constraint non-zeros of P. */
int glpg_get_size(glp_prob *P, int *m, int *n, int *nnz);

/* The whole model of P, sized by glpg_get_size: objective direction and constant; for each
   column j = 1..n, into slot j-1: kind (glp_get_col_kind), bound type, lower and upper
   bounds, objective coefficient; for each row i = 1..m, into slot i-1: bound type and
   bounds; the matrix by rows, row i's entries at row_start[i-1] ..< row_start[i] (m+1
   offsets) of col (0-based columns) and val (nnz entries). */
int glpg_get_model(glp_prob *P, int *dir, double *constant,
                   int *col_kind, int *col_type, double *col_lb, double *col_ub, double *col_obj,
                   int *row_type, double *row_lb, double *row_ub,
                   int *row_start, int *col, double *val);

/* Names of P, of row i and of column j (1-based): *name receives GLPK's string, valid until
   P changes, or NULL when unnamed. */
int glpg_get_prob_name(glp_prob *P, const char **name);
int glpg_get_row_name(glp_prob *P, int i, const char **name);
int glpg_get_col_name(glp_prob *P, int j, const char **name);

/* ---- assignment problems on a bipartite graph ------------------------------------------ */

/* Maximum-cardinality matching with glp_asnprob_hall. Left vertices are 0..nl-1, right
   vertices 0..nr-1; edge k joins left[k] and right[k]. x[k] receives 1 when edge k is in
   the matching, else 0; card the cardinality (negative when GLPK rejects the graph).
   GLPK 5.0 defect: when the matching is not perfect, the flags can miss matched pairs (it
   reads the first `card` entries of MC21A's permutation, where the unmatched positions can
   be anywhere). The flagged arcs always form a valid matching and card is right: callers
   must complete the matching (the Swift wrapper uses augmenting paths). */
int glpg_asnprob_hall(int nl, int nr, int ne, const int *left, const int *right,
                      int *x, int *card);

/* Assignment problem with glp_asnprob_okalg (form: GLP_ASN_MIN, GLP_ASN_MAX, GLP_ASN_MMP).
   cost[k] must be integral in [-INT_MAX, INT_MAX]. ret: GLPK's return code; sol: the
   objective found; x as above. */
int glpg_asnprob_okalg(int form, int nl, int nr, int ne, const int *left, const int *right,
                       const double *cost, int *x, double *sol, int *ret);

#ifdef __cplusplus
}
#endif

#endif /* GLPK_GUARD_H */
