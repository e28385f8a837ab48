#include "outpath.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The real path of `path`, which may not exist yet: its folder's real path
 * and its last name. NULL when its folder does not exist either. */
static const char *real_path(arena *mem, const char *path)
{
    char buf[PATH_MAX];
    if (realpath(path, buf))
        return arena_strdup(mem, buf);
    const char *slash = strrchr(path, '/');
    const char *dir = slash ? (slash == path ? "/" : arena_strndup(mem, path, (size_t)(slash - path)))
                            : ".";
    if (!realpath(dir, buf))
        return NULL;
    return arena_printf(mem, "%s/%s", strcmp(buf, "/") == 0 ? "" : buf, slash ? slash + 1 : path);
}

/* Whether `inner` is `outer` or lies under it. */
static bool within(const char *inner, const char *outer)
{
    size_t n = strlen(outer);
    return strncmp(inner, outer, n) == 0 &&
           (inner[n] == '\0' || inner[n] == '/' || (n == 1 && outer[0] == '/'));
}

const char *outpath_problem(arena *mem, const char *path, char *const *inputs, size_t ninputs)
{
    if (!*path)
        return "an empty path names no file";
    const char *real = real_path(mem, path);
    for (size_t i = 0; real && i < ninputs; i++) {
        const char *in = real_path(mem, inputs[i]);
        if (in && within(real, in))
            return arena_printf(mem, _("it is %s %s, which planpress reads: choose a path outside"),
                                strcmp(real, in) == 0 ? _("the input") : _("under the input"),
                                inputs[i]);
    }
    return NULL;
}
