/* oom: what a process does when memory runs out. Every allocation that
 * cannot fail softly ends here: the process says so on standard error and
 * ends with OOM_EXIT_STATUS, never with abort(). In a worker process
 * (workers.h) that fails the one document it was building, "out of memory",
 * and the run goes on. */
#ifndef PP_OOM_H
#define PP_OOM_H

enum { OOM_EXIT_STATUS = 99 };

_Noreturn void out_of_memory(void);

/* `p`, or out_of_memory() when it is NULL. */
void *oom_check(void *p);

#endif
