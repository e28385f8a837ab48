/* The scratch folder shared by the fuzz targets (see fuzz.h). */
#include "fuzz.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[64];
static char input_dir[96];

static void remove_scratch(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: cannot remove %s\n", scratch);
}

void fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz: %s\n", what);
    abort();
}

static void write_all(const char *path, const void *data, size_t size)
{
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0)
        fuzz_fail("cannot create an input file");
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n <= 0)
            fuzz_fail("cannot write an input file");
        p += n;
        size -= (size_t)n;
    }
    close(fd);
}

static void copy_sample(const char *name)
{
    char from[512], to[256];
    snprintf(from, sizeof from, "%s/plans/samsund/%s", PLANPRESS_ROOT, name);
    snprintf(to, sizeof to, "%s/%s", input_dir, name);
    FILE *f = fopen(from, "rb");
    if (!f)
        fuzz_fail("cannot read the Samsund sample");
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    write_all(to, buf, n);
}

/* Links every folder of plans/ into the scratch folder. */
static void link_associations(void)
{
    char plans[512];
    snprintf(plans, sizeof plans, "%s/plans", PLANPRESS_ROOT);
    DIR *d = opendir(plans);
    if (!d)
        fuzz_fail("cannot read plans/");
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "fuzz") == 0)
            continue;
        char from[1024], to[1024];
        snprintf(from, sizeof from, "%s/%s", plans, e->d_name);
        snprintf(to, sizeof to, "%s/%s", scratch, e->d_name);
        if (symlink(from, to) != 0)
            fuzz_fail("cannot link an association");
    }
    closedir(d);
}

const char *fuzz_dir(void)
{
    if (scratch[0])
        return input_dir;
    strcpy(scratch, "/tmp/planpress-fuzz-XXXXXX");
    if (!mkdtemp(scratch))
        fuzz_fail("cannot make a scratch folder");
    atexit(remove_scratch);
    snprintf(input_dir, sizeof input_dir, "%s/fuzz", scratch);
    if (mkdir(input_dir, 0755) != 0)
        fuzz_fail("cannot make a scratch folder");
    link_associations();
    copy_sample("association.yaml");
    copy_sample("plan-2024.yaml");
    return input_dir;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    write_all(path, data, size);
    return path;
}
