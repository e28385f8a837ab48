/* main: the command line. One function per command (build, render, check,
 * help) parses its options, runs, prints what is to be printed and chooses
 * the exit status: 0 good, 1 something failed, 2 a usage error. */
#define _GNU_SOURCE /* sched_getaffinity */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "atomicfile.h"
#include "batch.h"
#include "check.h"
#include "diag.h"
#include "discover.h"
#include "document.h"
#include "heap.h"
#include "i18n.h"
#include "init.h"
#include "kinds.h"
#include "outdir.h"
#include "report.h"
#include "outpath.h"
#include "regular.h"
#include "streams.h"
#include "templates.h"
#include "watch.h"

#ifndef PLANPRESS_VERSION
#define PLANPRESS_VERSION "0.1.0"
#endif

enum { EXIT_USAGE = 2 };

static const char main_help[] = N_(
    "usage: planpress [COMMAND] [options] [ARGS...]\n"
    "\n"
    "Turns the YAML plans of coordination associations into PDF documents.\n"
    "\n"
    "commands:\n"
    "  build [PATH...]   build every document under PATH (default: plans) into out/,\n"
    "                    leaving alone those that are up to date); the default command\n"
    "  render FILE       render one document, whatever changed\n"
    "  check FILE...     key figures, rule statuses, errors and warnings of data files\n"
    "  init FOLDER       a new association's folder with files to fill in\n"
    "  watch [PATH...]   build, then build again on every save\n"
    "  help [COMMAND]    show the help of a command\n"
    "\n"
    "options:\n"
    "  -h, --help        show this help and exit\n"
    "  -V, --version     show the version and exit\n"
    "\n"
    "\"planpress COMMAND --help\" shows the options of a command; see planpress(1).\n");

static const char build_help[] = N_(
    "usage: planpress build [options] [PATH...]\n"
    "\n"
    "Builds every document found under PATH (folders are searched, files taken as\n"
    "they are); default: plans) into the output folder, as OUT/<folder>/<name>.pdf.\n"
    "A document is built again only when one of its inputs changed: its data\n"
    "files, the templates and style it uses, the fonts, or planpress itself.\n"
    "\n"
    "options:\n"
    "  -o, --out DIR        write documents under DIR (default: out)\n"
    "  -t, --templates DIR  default templates and style (default: templates, else\n"
    "                       the installed ones)\n"
    "  -j, --jobs N         build N documents at once (default: one per processor)\n"
    "  -f, --force          build every document, changed or not\n"
    "      --strict         warnings fail the run (exit status 3); documents whose\n"
    "                       last build had warnings are built again to show them\n"
    "      --json FILE      write a summary in JSON to FILE (-: standard output)\n"
    "  -v, --verbose        name each document built and why, and what the\n"
    "                       readers skipped (labels unknown to SIE 4)\n"
    "  -q, --quiet          print only errors and warnings\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 when every document is built or up to date, 1 when one failed,\n"
    "the style cannot be loaded or another run is writing the output folder, 2 for\n"
    "a usage error, 3 with --strict when there were warnings and nothing failed.\n");

static const char render_help[] = N_(
    "usage: planpress render [options] FILE\n"
    "\n"
    "Renders one document from the data file FILE, whether or not it changed.\n"
    "FILE - reads the data from standard input (give --kind), as if it were a\n"
    "file in the current folder (whose association.yaml it uses).\n"
    "\n"
    "options:\n"
    "  -o, --output PDF       write to PDF (default: the name build gives it, here);\n"
    "                         -: standard output)\n"
    "  -T, --template NAME    use the template NAME.mustache, looked for in FILE's\n"
    "                         folder, then among the templates (default: the kind's)\n"
    "  -k, --kind KIND        the kind of document: plan, report, minutes, summary\n"
    "                         or comparison (default: told by FILE's name)\n"
    "  -t, --templates DIR    default templates and style (as for build)\n"
    "  -q, --quiet            print only errors and warnings\n"
    "  -v, --verbose          also what the readers skipped (unknown SIE labels)\n"
    "  -h, --help             show this help and exit\n"
    "\n"
    "Exit status: 0 when the PDF was written, 1 when not, 2 for a usage error.\n");

static const char check_help[] = N_(
    "usage: planpress check [options] FILE...\n"
    "\n"
    "Loads each data file and reports its key figures, its financial rules with\n"
    "their statuses, and every error and warning with its file, line and column\n"
    "(figures printed in the file that do not add up among them). A file's kind\n"
    "is told by its name: plan-YEAR.yaml, outcome-YEAR.yaml, minutes-DATE.yaml,\n"
    "group.yaml, association.yaml. The templates a data file's documents are made\n"
    "with (its folder's, then the default ones) are checked too: a heading that\n"
    "skips a level going down is a warning at the template's file and line.\n"
    "\n"
    "options:\n"
    "      --strict   warnings fail too\n"
    "      --json     the report in JSON on standard output (see planpress(1))\n"
    "  -t, --templates DIR    the default templates (as for build)\n"
    "  -q, --quiet    print only the errors and warnings, on standard error\n"
    "  -h, --help     show this help and exit\n"
    "\n"
    "Exit status: 0 when no file has errors (with --strict: nor warnings), 1 when\n"
    "one has, 2 for a usage error.\n");

static const char init_help[] = N_(
    "usage: planpress init [options] FOLDER\n"
    "\n"
    "Makes the folder of a new association (under plans/ when FOLDER is a plain\n"
    "name and there is a plans/ here) with a commented association.yaml and\n"
    "plan-YEAR.yaml to fill in, each starting with the line that tells an editor\n"
    "its JSON Schema. They build as they are. Nothing is overwritten.\n"
    "\n"
    "options:\n"
    "  -y, --year YEAR   the year of the plan (default: next year)\n"
    "  -n, --name NAME   the association's full name (default: Samordningsförbundet\n"
    "                    and the folder's name)\n"
    "  -h, --help        show this help and exit\n"
    "\n"
    "Exit status: 0 when the files were written, 1 when not, 2 for a usage error.\n");

static const char watch_help[] = N_(
    "usage: planpress watch [options] [PATH...]\n"
    "\n"
    "Builds as planpress build does, then builds again whenever a file under PATH\n"
    "(default: plans) or the templates is saved (inotify), printing each build's\n"
    "errors, warnings and summary, until Ctrl-C or SIGTERM. The output folder is\n"
    "not watched.\n"
    "\n"
    "options: those of build (-o, -t, -j, -f, --strict, -v, -q)\n"
    "\n"
    "Exit status: that of the last build; stopped by a signal, it dies of it.\n");

/* A command's help (one of the *_help texts), in the user's language. */
static int show_help(const char *help)
{
    fputs(_(help), stdout);
    return 0;
}

static int usage_error(const char *help)
{
    fputs(_(help), stderr);
    return EXIT_USAGE;
}

static bool is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* templates/ in the current folder, else the templates installed beside the
 * program (PREFIX/share/planpress/templates for PREFIX/bin/planpress). */
static const char *default_templates(arena *mem)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (is_folder("templates") || n <= 0)
        return "templates";
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    const char *installed = arena_printf(mem, "%s/../share/planpress/templates", exe);
    return is_folder(installed) ? installed : "templates";
}

static unsigned processors(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static bool parse_jobs(const char *s, unsigned *jobs)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || n < 1 || n > 1024)
        return false;
    *jobs = (unsigned)n;
    return true;
}

/* ---- build -------------------------------------------------------------------- */

static void die_of_signal(int sig)
{
    signal(sig, SIG_DFL);
    raise(sig);
    exit(128 + sig);
}

/* False, with a usage error printed, when `path` may not be written. */
static bool output_allowed(const char *command, const char *option, const char *path,
                           char *const *inputs, size_t ninputs, arena *mem)
{
    const char *problem = outpath_problem(mem, path, inputs, ninputs);
    if (problem)
        fprintf(stderr, "planpress %s: %s \"%s\": %s\n", command, option, path, problem);
    return !problem;
}

/* What build and watch are given. */
typedef struct {
    arena mem;
    batch_options opt;
    const char *json;
    bool quiet, verbose;
} build_args;

/* Reads build's options (watch has the same); -1 when the command is to
 * run, else its exit status. */
static int parse_build_args(int argc, char **argv, const char *help, build_args *a)
{
    arena_init(&a->mem);
    a->opt = (batch_options){.out_dir = "out", .plans_dir = "plans", .version = PLANPRESS_VERSION};
    a->json = NULL;
    a->quiet = a->verbose = false;
    static const struct option longs[] = {
        {"out", required_argument, NULL, 'o'},
        {"templates", required_argument, NULL, 't'},
        {"jobs", required_argument, NULL, 'j'},
        {"force", no_argument, NULL, 'f'},
        {"strict", no_argument, NULL, 'S'},
        {"json", required_argument, NULL, 'J'},
        {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "o:t:j:fvqh", longs, NULL)) != -1) {
        switch (c) {
        case 'o': a->opt.out_dir = optarg; break;
        case 't': a->opt.templates_dir = optarg; break;
        case 'j':
            if (!parse_jobs(optarg, &a->opt.jobs)) {
                fprintf(stderr, _("%s: -j wants a number from 1 to 1024, not \"%s\"\n"), argv[0],
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case 'f': a->opt.force = true; break;
        case 'S': a->opt.strict = true; break;
        case 'J': a->json = optarg; break;
        case 'v': a->verbose = true; break;
        case 'q': a->quiet = true; break;
        case 'h': return show_help(help);
        default: return usage_error(help);
        }
    }
    static char *default_paths[] = {"plans"};
    a->opt.paths = optind < argc ? argv + optind : default_paths;
    a->opt.npaths = optind < argc ? (size_t)(argc - optind) : 1;
    a->opt.templates_dir = a->opt.templates_dir ? clean_path(&a->mem, a->opt.templates_dir)
                                                : default_templates(&a->mem);
    if (!a->opt.jobs)
        a->opt.jobs = processors();
    char **inputs = ARENA_ARRAY(&a->mem, char *, a->opt.npaths + 1);
    memcpy(inputs, a->opt.paths, a->opt.npaths * sizeof *inputs);
    inputs[a->opt.npaths] = (char *)a->opt.templates_dir;
    if (!output_allowed("build", "-o", a->opt.out_dir, inputs, a->opt.npaths + 1, &a->mem) ||
        (a->json && strcmp(a->json, "-") != 0 &&
         !output_allowed("build", "--json", a->json, inputs, a->opt.npaths + 1, &a->mem))) {
        arena_free(&a->mem);
        return EXIT_USAGE;
    }
    return -1;
}

/* One build; a watch_build_fn. */
static int run_build(void *ctx)
{
    const build_args *a = ctx;
    report rp;
    report_init(&rp, a->quiet, a->verbose);
    if (a->json && strcmp(a->json, "-") == 0)
        rp.out = stderr;
    batch_observer obs = report_observer(&rp);
    batch_result res;
    batch_run(&a->opt, &obs, &res);
    report_summary(&rp, &res);
    int status = batch_exit_status(&res, a->opt.strict);
    if (a->json && !report_json(&res, &a->opt, a->json)) {
        fprintf(stderr, _("%s: error: cannot write the JSON summary: %s\n"), a->json, regular_strerror(errno));
        status = status ? status : 1;
    }
    int sig = res.stop_signal;
    batch_result_free(&res);
    if (sig)
        die_of_signal(sig);
    return status;
}

static int cmd_build(int argc, char **argv)
{
    build_args a;
    int status = parse_build_args(argc, argv, build_help, &a);
    if (status < 0)
        status = run_build(&a);
    arena_free(&a.mem);
    return status;
}

static int cmd_watch(int argc, char **argv)
{
    build_args a;
    int status = parse_build_args(argc, argv, watch_help, &a);
    if (status < 0) {
        const char *templates[] = {a.opt.templates_dir};
        status = watch_run(a.opt.paths, a.opt.npaths, templates, 1, a.opt.out_dir, run_build, &a);
    }
    arena_free(&a.mem);
    return status;
}

/* ---- render ------------------------------------------------------------------- */

static const char *file_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static const document_kind *kind_of_file(const char *path)
{
    for (size_t i = 0; i < document_kind_count; i++)
        if (kind_matches(&document_kinds[i], file_name(path)))
            return &document_kinds[i];
    return NULL;
}

static bool make_parent(arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    return !slash || slash == path ||
           make_folders(mem, arena_strndup(mem, path, (size_t)(slash - path)));
}

typedef struct {
    const document_kind *kind;
    const char *file;     /* the data file, or "-" for standard input */
    const char *pdf;      /* -o, or NULL; "-" for standard output */
    const char *template_name;
    const char *templates_dir;
    bool quiet, verbose;
} render_args;

static bool render_to(arena *mem, const render_args *a, const document_request *req,
                      diag_list *dl)
{
    render_env env = {0};
    bool ok = make_parent(mem, req->pdf);
    if (!ok)
        diag_add(dl, DIAG_ERROR, req->pdf, 0, 0, NULL, "cannot make its folder: %s",
                 strerror(errno));
    ok = ok && render_env_open(&env, a->templates_dir, NULL, dl);
    if (ok)
        ok = a->kind->render(&env, req, dl);
    render_env_close(&env);
    return ok;
}

/* Renders one document; data from standard input is kept in a file beside
 * (streams.h) and a PDF for standard output in a temporary file. */
static int render_one(arena *mem, const render_args *a)
{
    diag_list dl;
    diag_list_init(&dl, mem);
    bool from_stdin = strcmp(a->file, "-") == 0;
    bool to_stdout = a->pdf ? strcmp(a->pdf, "-") == 0 : from_stdin;
    const char *out_path = a->pdf ? a->pdf : kind_output_name(mem, a->kind, file_name(a->file));
    char *inputs[] = {(char *)a->file};
    if (!to_stdout && !output_allowed("render", "-o", out_path, inputs, 1, mem))
        return EXIT_USAGE;
    const char *source = from_stdin ? streams_stdin_file(mem, &dl) : a->file;
    const char *pdf = to_stdout ? streams_temp_pdf(mem) : out_path;
    document_request req = {.source = source,
                            .pdf = pdf,
                            .template_name =
                                a->template_name ? a->template_name : a->kind->template_name};
    bool ok = source && render_to(mem, a, &req, &dl);
    if (ok && to_stdout)
        ok = streams_copy_to_stdout(pdf, &dl);
    if (to_stdout)
        unlink(pdf);
    if (from_stdin && source) {
        unlink(source);
        streams_rename_file(&dl, source, "-");
    }
    diag_print_shown(&dl, stderr, false, a->verbose);
    if (ok && !a->quiet && !to_stdout)
        printf(_("rendered %s\n"), pdf);
    return ok ? 0 : 1;
}

static int cmd_render(int argc, char **argv)
{
    arena mem;
    arena_init(&mem);
    render_args a = {0};
    const char *kind_name = NULL;
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'},
        {"verbose", no_argument, NULL, 'v'},
        {"template", required_argument, NULL, 'T'},
        {"kind", required_argument, NULL, 'k'},
        {"templates", required_argument, NULL, 't'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c, status = -1;
    while (status < 0 && (c = getopt_long(argc, argv, "o:T:k:t:qvh", longs, NULL)) != -1) {
        switch (c) {
        case 'o': a.pdf = optarg; break;
        case 'T': a.template_name = optarg; break;
        case 'k': kind_name = optarg; break;
        case 't': a.templates_dir = optarg; break;
        case 'q': a.quiet = true; break;
        case 'v': a.verbose = true; break;
        case 'h':
            show_help(render_help);
            status = 0;
            break;
        default: status = usage_error(render_help);
        }
    }
    if (status < 0 && optind + 1 != argc) {
        fputs(_("planpress render: give one data file\n"), stderr);
        status = usage_error(render_help);
    } else if (status < 0) {
        a.file = argv[optind];
        a.kind = kind_name ? kind_named(kind_name) : kind_of_file(a.file);
        if (!a.kind && kind_name)
            fprintf(stderr, _("planpress render: no kind of document is called \"%s\"; kinds: %s\n"),
                    kind_name, kind_names(&mem));
        else if (!a.kind && strcmp(a.file, "-") == 0)
            fprintf(stderr, _("planpress render: data from standard input needs --kind (%s)\n"),
                    kind_names(&mem));
        else if (!a.kind)
            fprintf(stderr, _("%s: error: its name does not tell what it makes (%s): give --kind\n"),
                    a.file, kind_patterns(&mem));
        if (!a.kind) {
            status = EXIT_USAGE;
        } else {
            a.templates_dir = a.templates_dir ? a.templates_dir : default_templates(&mem);
            status = render_one(&mem, &a);
        }
    }
    arena_free(&mem);
    return status;
}

/* ---- init --------------------------------------------------------------------- */

/* The schemas of the program: PREFIX/share/doc/planpress/docs/schema when
 * installed, the repository's docs/schema when run from the build tree
 * (REPO/.build/planpress). */
static const char *installed_schemas(arena *mem)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "/usr/local/share/doc/planpress/docs/schema";
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    slash = strrchr(exe, '/'); /* PREFIX/bin -> PREFIX, REPO/.build -> REPO */
    if (slash)
        *slash = '\0';
    const char *installed = arena_printf(mem, "%s/share/doc/planpress/docs/schema", exe);
    const char *repository = arena_printf(mem, "%s/docs/schema", exe);
    struct stat st;
    if (stat(installed, &st) != 0 && stat(repository, &st) == 0 && S_ISDIR(st.st_mode))
        return repository;
    return installed;
}

static int next_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    return localtime_r(&now, &tm) ? tm.tm_year + 1900 + 1 : 2000;
}

static int cmd_init(int argc, char **argv)
{
    static const struct option longs[] = {
        {"year", required_argument, NULL, 'y'},
        {"name", required_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c, year = next_year();
    const char *name = NULL;
    char *end;
    while ((c = getopt_long(argc, argv, "y:n:h", longs, NULL)) != -1) {
        switch (c) {
        case 'y':
            year = (int)strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || year < 1900 || year > 2999) {
                fprintf(stderr, _("planpress init: --year wants a year from 1900 to 2999, not \"%s\"\n"),
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case 'n': name = optarg; break;
        case 'h': return show_help(init_help);
        default: return usage_error(init_help);
        }
    }
    if (optind + 1 != argc) {
        fputs(_("planpress init: give the folder to make\n"), stderr);
        return usage_error(init_help);
    }
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    init_request req = init_request_for(&mem, argv[optind], name, year, installed_schemas(&mem));
    const char *written[2];
    bool ok = init_association(&mem, &req, written, &dl);
    diag_print_all(&dl, stderr);
    if (ok)
        printf(_("wrote %s and %s: fill them in, then planpress build %s\n"), written[0], written[1],
               req.folder);
    arena_free(&mem);
    return ok ? 0 : 1;
}

/* ---- check -------------------------------------------------------------------- */

/* The templates of the documents made from each data file: their headings
 * (templates_check_outline). */
static void check_templates(arena *mem, const char *const *files, size_t n,
                            const char *templates_dir, diag_list *dl)
{
    for (size_t i = 0; i < n; i++) {
        const char *slash = strrchr(files[i], '/');
        const char *base = slash ? slash + 1 : files[i];
        const char *dir = slash ? arena_strndup(mem, files[i], (size_t)(slash - files[i])) : ".";
        const char *dirs[] = {dir, templates_dir};
        template_store ts;
        templates_init(&ts, mem, dirs, 2);
        for (size_t k = 0; k < document_kind_count; k++)
            if (kind_matches(&document_kinds[k], base))
                templates_check_outline(&ts, document_kinds[k].template_name, dl);
    }
}

static int cmd_check(int argc, char **argv)
{
    bool strict = false, quiet = false, json = false;
    const char *templates_dir = NULL;
    static const struct option longs[] = {
        {"strict", no_argument, NULL, 'S'},
        {"json", no_argument, NULL, 'J'},
        {"templates", required_argument, NULL, 't'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "qht:", longs, NULL)) != -1) {
        switch (c) {
        case 'S': strict = true; break;
        case 't': templates_dir = optarg; break;
        case 'J': json = true; break;
        case 'q': quiet = true; break;
        case 'h': return show_help(check_help);
        default: return usage_error(check_help);
        }
    }
    if (optind >= argc) {
        fputs(_("planpress check: give at least one data file\n"), stderr);
        return usage_error(check_help);
    }
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    strbuf text = {0};
    check_options copt = {.strict = strict, .json = json};
    int status =
        check_files((const char *const *)argv + optind, (size_t)(argc - optind), &copt, &text, &dl);
    size_t first_template_diag = dl.count;
    check_templates(&mem, (const char *const *)argv + optind, (size_t)(argc - optind),
                    templates_dir ? templates_dir : default_templates(&mem), &dl);
    if (check_exit_status(&dl, strict) > status)
        status = check_exit_status(&dl, strict);
    if (quiet && !json) {
        diag_print_all(&dl, stderr);
    } else {
        if (text.len)
            fwrite(text.data, 1, text.len, stdout);
        /* the templates' warnings: beside the report, or on standard error
         * beside its JSON */
        for (size_t i = first_template_diag; i < dl.count; i++)
            diag_print(&dl.items[i], json ? stderr : stdout);
    }
    strbuf_free(&text);
    arena_free(&mem);
    return status;
}

/* ---- the commands ----------------------------------------------------------------- */

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} command;

static int cmd_help(int argc, char **argv);

static const command commands[] = {
    {"build", cmd_build, build_help},
    {"render", cmd_render, render_help},
    {"check", cmd_check, check_help},
    {"init", cmd_init, init_help},
    {"watch", cmd_watch, watch_help},
    {"help", cmd_help, main_help},
};

static const command *command_named(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv)
{
    bool asks_help = argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
    const command *cmd = argc > 1 && !asks_help ? command_named(argv[1]) : NULL;
    if (argc > 2 || (argc == 2 && !cmd && !asks_help)) {
        fprintf(stderr, _("planpress help: no command is called \"%s\"\n"), argv[1]);
        return usage_error(main_help);
    }
    show_help(cmd ? cmd->help : main_help);
    return 0;
}

int main(int argc, char **argv)
{
    const char *huge_pages = getenv("PLANPRESS_HUGE_PAGES");
    if (!huge_pages || strcmp(huge_pages, "no") != 0)
        heap_prefer_huge_pages();
    /* A line a write, not a write per character (stderr's default). */
    static char err_buffer[BUFSIZ];
    setvbuf(stderr, err_buffer, _IOLBF, sizeof err_buffer);
    i18n_init();
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        return show_help(main_help);
    }
    if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf("planpress %s\n", PLANPRESS_VERSION);
        return 0;
    }
    /* Without a command's name, the arguments are build's. */
    const command *cmd = argc > 1 ? command_named(argv[1]) : NULL;
    char name[32]; /* what getopt's messages call the program */
    if (!cmd) {
        argv[0] = "planpress";
        return cmd_build(argc, argv);
    }
    snprintf(name, sizeof name, "planpress %s", cmd->name);
    argv[1] = name;
    return cmd->run(argc - 1, argv + 1);
}
