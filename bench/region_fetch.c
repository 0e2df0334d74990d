/*
 * region_fetch.c — times the manager area's read of the region (central_region_fetch, the
 * window's thread runs exactly this): connect, offices, scenarios and trainees from the
 * centre's running summaries. Prints the median and the worst of N runs in milliseconds.
 *   bench_region_fetch CONNINFO [N] [OFFICE]
 * Depends on: central.
 */
#include "central/central.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_region_fetch CONNINFO [N] [OFFICE]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 5;
    if (n < 1 || n > 1000)
        n = 5;
    const char *office = argc > 3 ? argv[3] : NULL;
    double *ms = calloc((size_t)n, sizeof *ms);
    if (!ms)
        return 1;
    CentralRegion r;
    for (int i = 0; i < n; i++) {
        SimError err;
        double t0 = now_ms();
        if (central_region_fetch(argv[1], 3, office, 2000, &r, &err) != SIM_OK) {
            fprintf(stderr, "%s\n", err.msg);
            free(ms);
            return 1;
        }
        ms[i] = now_ms() - t0;
        if (i == n - 1)
            printf("offices %zu, scenario rows %zu, trainees %zu (withheld %lld)\n", r.office_count,
                   r.scenario_count, r.trainee_count, r.trainees_withheld);
        central_region_free(&r);
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp);
    printf("region read (connect + 3 queries): median %.1f ms, worst %.1f ms over %d runs\n",
           ms[n / 2], ms[n - 1], n);
    free(ms);
    return 0;
}
