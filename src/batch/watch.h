/* watch: `planpress watch [PATH...]` — builds, then builds again whenever a
 * file under the paths or the templates folder is saved (Linux inotify),
 * printing each build's diagnostics and summary, until SIGINT or SIGTERM
 * (one that comes during a build stops the watch when the build is done).
 * Saves that come in a burst (an editor writing a file and its backup, a
 * checkout) make one build: the run waits until the folders have been quiet
 * for a moment. Owns its inotify descriptor and the list of watched folders. */
#ifndef PP_WATCH_H
#define PP_WATCH_H

#include <stddef.h>

/* Builds once; the exit status of a build. */
typedef int watch_build_fn(void *ctx);

/* Watches every folder under `paths` (files: their folder) and under each
 * of `extra` (the templates), calls `build` first and after each burst of
 * changes, until a stop signal. Returns the status of the last build, or 1
 * (with a message on stderr) when inotify cannot be used. */
int watch_run(char *const *paths, size_t npaths, const char *const *extra, size_t nextra,
              const char *ignore, watch_build_fn *build, void *ctx);

#endif
