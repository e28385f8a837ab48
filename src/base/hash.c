#include "hash.h"

#include <errno.h>
#include <unistd.h>

#include "regular.h"

bool hash_file(const char *path, uint64_t *hash, uint64_t *size)
{
    int fd = regular_open(path);
    if (fd < 0)
        return false;
    XXH3_state_t *state = XXH3_createState();
    char buf[65536];
    uint64_t total = 0;
    ssize_t n = -1;
    if (state && XXH3_64bits_reset(state) == XXH_OK)
        while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
            if (n > 0) {
                XXH3_64bits_update(state, buf, (size_t)n);
                total += (uint64_t)n;
            }
    int err = n == 0 ? 0 : state ? errno : ENOMEM;
    close(fd);
    if (n == 0) {
        *hash = XXH3_64bits_digest(state);
        if (size)
            *size = total;
    }
    XXH3_freeState(state);
    errno = err;
    return n == 0;
}
