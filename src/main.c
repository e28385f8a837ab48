/* main: the command line. Parses options, runs the documents, prints every
 * diagnostic and chooses the exit status (0 good, 1 failures, 2 usage). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "diag.h"
#include "document.h"
#include "fonts.h"
#include "style.h"

#ifndef PLANPRESS_VERSION
#define PLANPRESS_VERSION "0.1.0"
#endif

static const char usage_text[] =
    "usage: planpress [build] [options] [PATH...]\n"
    "\n"
    "Renders the plans under PATH (default: plans/) into PDF documents.\n"
    "\n"
    "options:\n"
    "  -o, --out DIR        write documents under DIR (default: out)\n"
    "  -t, --templates DIR  default templates and style (default: templates)\n"
    "  -q, --quiet          print only errors and warnings\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        show the version and exit\n";

typedef struct {
    const char *out_dir;
    const char *templates_dir;
    bool quiet;
} options;

typedef struct {
    char **items;
    size_t count, cap;
} path_list;

static void add_path(arena *mem, path_list *pl, const char *path)
{
    *ARENA_PUSH(mem, pl->items, pl->count, pl->cap) = arena_strdup(mem, path);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_plan_file(const char *name)
{
    size_t len = strlen(name);
    return strncmp(name, "plan-", 5) == 0 && len > 10 && strcmp(name + len - 5, ".yaml") == 0;
}

/* Finds plan-*.yaml files under `dir`, depth first. */
static void discover(arena *mem, const char *dir, path_list *found, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 8) {
        if (d)
            closedir(d);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *path = arena_printf(mem, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            discover(mem, path, found, depth + 1);
        else if (is_plan_file(e->d_name))
            add_path(mem, found, path);
    }
    closedir(d);
}

static bool make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        bool ok = mkdir(path, 0777) == 0 || errno == EEXIST;
        *p = '/';
        if (!ok)
            return false;
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

/* out/<path below the input root>/<name>.pdf */
static char *output_path(arena *mem, const char *root, const char *input, const char *out_dir)
{
    const char *rel = input;
    size_t rlen = strlen(root);
    if (strncmp(input, root, rlen) == 0 && input[rlen] == '/')
        rel = input + rlen + 1;
    char *out = arena_printf(mem, "%s/%s", out_dir, rel);
    char *dot = strrchr(out, '.');
    if (dot)
        strcpy(dot, ".pdf");
    return out;
}

static bool ensure_parent(arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return true;
    return make_dirs(arena_strndup(mem, path, (size_t)(slash - path)));
}

static int build(const options *opt, char **paths, int npaths)
{
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    int status = 0;
    const char *style_path = arena_printf(&mem, "%s/style.yaml", opt->templates_dir);
    style *st = style_load(&mem, style_path, &dl);
    font_set *fonts = st ? fonts_load(st, &dl) : NULL;
    if (!fonts) {
        diag_print_all(&dl, stderr);
        arena_free(&mem);
        return 1;
    }
    render_env env = {opt->templates_dir, st, fonts};
    static char *default_paths[] = {"plans"};
    if (npaths == 0) {
        paths = default_paths;
        npaths = 1;
    }
    size_t built = 0, failed = 0;
    for (int i = 0; i < npaths; i++) {
        path_list plans = {0};
        struct stat sb;
        const char *root = paths[i];
        if (stat(root, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            discover(&mem, root, &plans, 0);
        } else {
            add_path(&mem, &plans, root);
            const char *slash = strrchr(root, '/');
            root = slash ? arena_strndup(&mem, root, (size_t)(slash - root)) : ".";
        }
        qsort(plans.items, plans.count, sizeof *plans.items, compare_paths);
        for (size_t k = 0; k < plans.count; k++) {
            char *pdf = output_path(&mem, root, plans.items[k], opt->out_dir);
            size_t before = dl.count;
            bool ok =
                ensure_parent(&mem, pdf) && document_render_plan(&env, plans.items[k], pdf, &dl);
            if (!ok && dl.count == before)
                diag_add(&dl, DIAG_ERROR, pdf, 0, 0, NULL, "cannot create the folder");
            diag_print_all(&(diag_list){.items = dl.items + before, .count = dl.count - before},
                           stderr);
            if (ok) {
                built++;
                if (!opt->quiet)
                    printf("built %s\n", pdf);
            } else {
                failed++;
            }
        }
    }
    if (!opt->quiet || failed)
        fprintf(failed ? stderr : stdout, "%zu built, %zu failed, %zu warnings\n", built, failed,
                dl.warnings);
    if (failed)
        status = 1;
    fonts_free(fonts);
    arena_free(&mem);
    return status;
}

int main(int argc, char **argv)
{
    options opt = {.out_dir = "out", .templates_dir = "templates"};
    static const struct option long_opts[] = {
        {"out", required_argument, NULL, 'o'}, {"templates", required_argument, NULL, 't'},
        {"quiet", no_argument, NULL, 'q'},     {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},   {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "o:t:qhV", long_opts, NULL)) != -1) {
        switch (c) {
        case 'o': opt.out_dir = optarg; break;
        case 't': opt.templates_dir = optarg; break;
        case 'q': opt.quiet = true; break;
        case 'h': fputs(usage_text, stdout); return 0;
        case 'V': printf("planpress %s\n", PLANPRESS_VERSION); return 0;
        default: fputs(usage_text, stderr); return 2;
        }
    }
    char **rest = argv + optind;
    int nrest = argc - optind;
    if (nrest > 0 && strcmp(rest[0], "build") == 0) {
        rest++;
        nrest--;
    }
    return build(&opt, rest, nrest);
}
