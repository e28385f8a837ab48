#include "report.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"
#include "i18n.h"
#include "json.h"
#include "strbuf.h"

void report_init(report *rp, bool quiet, bool verbose)
{
    *rp = (report){.out = stdout,
                   .err = stderr,
                   .progress = !quiet && isatty(STDERR_FILENO),
                   .verbose = verbose && !quiet,
                   .quiet = quiet};
}

static void clear_line(report *rp)
{
    if (rp->line_shown) {
        fputs("\r\033[K", rp->err);
        rp->line_shown = false;
    }
}

static void show_run_diags(report *rp, const batch_result *res)
{
    for (; rp->run_diags_shown < res->diags.count; rp->run_diags_shown++) {
        const diag *d = &res->diags.items[rp->run_diags_shown];
        if (!diag_shown(d, rp->quiet, rp->verbose))
            continue;
        clear_line(rp);
        diag_print(d, rp->err);
    }
}

static void on_start(void *ctx, const batch_result *res)
{
    report *rp = ctx;
    show_run_diags(rp, res);
    if (rp->verbose && res->rebuild_all) {
        fputs(_("every document is out of date: "), rp->out);
        diag_put_safe(res->rebuild_all, rp->out);
        fputc('\n', rp->out);
    }
}

static void on_progress(void *ctx, size_t finished, size_t total)
{
    report *rp = ctx;
    if (!rp->progress)
        return;
    fputs("\r\033[K", rp->err);
    fprintf(rp->err, _("%zu of %zu documents"), finished, total);
    fflush(rp->err);
    rp->line_shown = true;
}

static void on_done(void *ctx, const batch_doc *doc)
{
    report *rp = ctx;
    if (doc->diags.count || (rp->verbose && doc->status == DOC_BUILT))
        clear_line(rp);
    diag_print_shown(&doc->diags, rp->err, rp->quiet, rp->verbose);
    if (rp->verbose && doc->status == DOC_BUILT) {
        fputs(_("built "), rp->out);
        diag_put_safe(doc->pdf, rp->out);
        fputs(" (", rp->out);
        diag_put_safe(doc->reason, rp->out);
        fputs(")\n", rp->out);
        fflush(rp->out);
    }
}

batch_observer report_observer(report *rp)
{
    return (batch_observer){on_start, on_progress, on_done, rp};
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGHUP: return "SIGHUP";
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return _("a signal");
    }
}

void report_summary(report *rp, const batch_result *res)
{
    clear_line(rp);
    show_run_diags(rp, res);
    if (!res->ran)
        return;
    bool trouble = !batch_succeeded(res);
    if (rp->quiet && !trouble)
        return;
    FILE *f = trouble ? rp->err : rp->out;
    if (res->to_build == 0 && !trouble) {
        fprintf(f,
                ngettext("nothing to do: %zu document up to date\n",
                         "nothing to do: %zu documents up to date\n", res->up_to_date),
                res->up_to_date);
        return;
    }
    fprintf(f,
            ngettext("%zu built, %zu up to date, %zu failed, %zu warning",
                     "%zu built, %zu up to date, %zu failed, %zu warnings", res->warnings),
            res->built, res->up_to_date, res->failed, res->warnings);
    if (res->stop_signal)
        fprintf(f, _("; stopped by %s, %zu not built"), signal_name(res->stop_signal),
                res->skipped);
    fprintf(f, " (%.2f s)\n", res->seconds);
}

/* ---- JSON ------------------------------------------------------------------------ */

static const char *status_name(doc_status s)
{
    switch (s) {
    case DOC_UP_TO_DATE: return "up to date";
    case DOC_BUILT: return "built";
    case DOC_FAILED: return "failed";
    default: return "skipped";
    }
}

static void json_doc(strbuf *sb, const batch_doc *d)
{
    strbuf_puts(sb, "    {\"output\": ");
    json_string(sb, d->found.output);
    strbuf_puts(sb, ", \"pdf\": ");
    json_string(sb, d->pdf);
    strbuf_puts(sb, ", \"source\": ");
    json_string(sb, d->found.source);
    strbuf_printf(sb, ", \"kind\": \"%s\", \"status\": \"%s\", \"reason\": ", d->found.kind->name,
                  status_name(d->status));
    json_string(sb, d->reason);
    strbuf_printf(sb, ", \"warnings\": %zu, \"diagnostics\": ", d->warnings);
    json_diags(sb, &d->diags, 0);
    strbuf_putc(sb, '}');
}

static void json_summary(strbuf *sb, const batch_result *res, const batch_options *opt)
{
    const char *status = res->stop_signal ? "stopped" : batch_succeeded(res) ? "ok" : "failed";
    strbuf_puts(sb, "{\n  \"planpress\": ");
    json_string(sb, opt->version);
    strbuf_puts(sb, ",\n  \"out\": ");
    json_string(sb, opt->out_dir);
    strbuf_printf(sb,
                  ",\n  \"status\": \"%s\",\n  \"seconds\": %.3f,\n  \"documents\": %zu,\n"
                  "  \"built\": %zu,\n  \"up_to_date\": %zu,\n  \"failed\": %zu,\n"
                  "  \"skipped\": %zu,\n  \"warnings\": %zu,\n  \"rebuild_all\": ",
                  status, res->seconds, res->ndocs, res->built, res->up_to_date, res->failed,
                  res->skipped, res->warnings);
    json_string(sb, res->rebuild_all);
    strbuf_puts(sb, ",\n  \"messages\": ");
    json_diags(sb, &res->diags, 0);
    strbuf_puts(sb, ",\n  \"list\": [\n");
    for (size_t i = 0; i < res->ndocs; i++) {
        json_doc(sb, &res->docs[i]);
        strbuf_puts(sb, i + 1 < res->ndocs ? ",\n" : "\n");
    }
    strbuf_puts(sb, "  ]\n}\n");
}

bool report_json(const batch_result *res, const batch_options *opt, const char *path)
{
    strbuf sb = {0};
    json_summary(&sb, res, opt);
    bool ok;
    if (strcmp(path, "-") == 0) {
        ok = fwrite(sb.data, 1, sb.len, stdout) == sb.len && fflush(stdout) == 0;
    } else {
        ok = atomic_write(path, sb.data, sb.len);
    }
    strbuf_free(&sb);
    return ok;
}
