/* SPDX-License-Identifier: MIT */
/* gen_staff: the workload and staff of each unit of a generated
 * government (io layer). Used by gen.c only. */
#ifndef MUTASI_GEN_STAFF_H
#define MUTASI_GEN_STAFF_H

struct gen;
struct gen_gov;

/* Write the workload rows of unit 'unit' of 'gv' by its template, then
 * its staff, keeping each employee in gv->people for the requests. Write
 * errors stay in g->rc. */
void gen_staff_unit(struct gen *g, struct gen_gov *gv, int unit);

#endif
