#include "init.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "outdir.h"
#include "strbuf.h"

static const char association_text[] =
    "# yaml-language-server: $schema=%s/association.schema.json\n"
    "# The association (samordningsförbundet): who it is and who its members\n"
    "# (förbundsmedlemmar) are. Only name is required; fill in the rest and\n"
    "# remove what does not apply. The format: docs/formats/association.md.\n"
    "association:\n"
    "  name: %s   # the full name, as on the cover\n"
    "  short_name: %s   # in tables and running heads\n"
    "  # org_number: \"222000-0000\"  # organisationsnummer, quoted\n"
    "  # The members: the state (Försäkringskassan, Arbetsförmedlingen), the\n"
    "  # region and the municipalities. A plan's allocation rows name them.\n"
    "  members:\n"
    "    - {name: Försäkringskassan, kind: state}\n"
    "    - {name: Arbetsförmedlingen, kind: state}\n"
    "    - {name: Region Exempel, kind: region}                # fyll i\n"
    "    - {name: Exempels kommun, short_name: Exempel, kind: municipality}   # fyll i\n"
    "  # How the allocation is split between the kinds of members, in %%;\n"
    "  # leave it out for the law's usual 50 / 25 / 25.\n"
    "  # parts: {state: 50, region: 25, municipalities: 25}\n"
    "  # address: Gatan 1, 123 45 Orten\n"
    "  # phone: 000-000 00 00\n"
    "  # email: info@example.se\n"
    "  # web: www.example.se\n"
    "  # contacts:                     # people to contact\n"
    "  #   - {name: Förnamn Efternamn, role: Förbundschef, email: namn@example.se}\n"
    "  # vision_title: Vår vision      # the vision in a few words\n"
    "  # vision: >-                    # Markdown\n"
    "  #   Vi ska …\n";

static const char plan_text[] =
    "# yaml-language-server: $schema=%s/plan.schema.json\n"
    "# The operational plan (verksamhetsplan) of %s for %d: prose\n"
    "# sections in the order of the document, and the structured parts they\n"
    "# show (goal areas, interventions, allocation, budget, financial rules).\n"
    "# The format, with every key: docs/formats/plan.md. Dates are written\n"
    "# \"2025-11-26\", quoted.\n"
    "plan:\n"
    "  year: %d\n"
    "  title: Verksamhetsplan %d\n"
    "  # subtitle: med prognos för %d–%d\n"
    "  # decided: {date: \"%d-11-30\", by: styrelsen}   # beslutad\n"
    "  sections:\n"
    "    - heading: Inledning\n"
    "      body: |\n"
    "        Skriv förbundets inledning här: uppdraget, året som kommer.\n"
    "    - heading: Budget %d\n"
    "      body: Belopp i tkr.\n"
    "      show: [budget]\n"
    "  # goal_areas:                   # målområden, each with goals (mål)\n"
    "  #   - {id: individ, title: Samordnat stöd till individer, goals: [Ett mål]}\n"
    "  # interventions:                # insatser, each with targets (mätpunkter)\n"
    "  #   - id: insats\n"
    "  #     name: Insatsens namn\n"
    "  #     goal_area: individ\n"
    "  #     targets:\n"
    "  #       - {text: Minst 80 personer deltar., comparator: at_least, value: 80, unit: personer}\n"
    "  budget:                         # amounts in tkr; the totals are computed\n"
    "    unit: tkr\n"
    "    columns:\n"
    "      - {year: %d, kind: budget}\n"
    "    income:\n"
    "      - label: Medlemsavgifter\n"
    "        category: allocation\n"
    "        values: [0]               # fyll i\n"
    "    costs:\n"
    "      - {label: Kansli, category: administration, values: [0]}     # fyll i\n"
    "      - {label: Insatser, category: individual, values: [0]}       # fyll i\n"
    "  # financial_rules:              # finansiella mål\n"
    "  #   - {text: Administrativa kostnader ska inte överstiga 20 %% av kostnaderna., "
    "measure: administration_share, max: 20}\n";

static bool is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* "../" once for each part of the relative folder `folder`. */
static const char *up_from(arena *mem, const char *folder)
{
    strbuf sb = {0};
    for (const char *p = folder; *p;) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        if (!(p[0] == '.' && (p[1] == '/' || !p[1])))
            strbuf_puts(&sb, "../");
        while (*p && *p != '/')
            p++;
    }
    const char *s = arena_strdup(mem, sb.data ? sb.data : "");
    strbuf_free(&sb);
    return s;
}

static const char *capitalized(arena *mem, const char *s)
{
    char *c = arena_strdup(mem, s);
    if (c[0] >= 'a' && c[0] <= 'z')
        c[0] = (char)(c[0] - 'a' + 'A');
    return c;
}

init_request init_request_for(arena *mem, const char *arg, const char *name, int year,
                              const char *installed_schemas)
{
    init_request r = {.year = year};
    bool plain = !strchr(arg, '/');
    r.folder = plain && is_folder("plans") ? arena_printf(mem, "plans/%s", arg) : arg;
    const char *slash = strrchr(r.folder, '/');
    const char *base = slash && slash[1] ? slash + 1 : r.folder;
    r.short_name = capitalized(mem, base);
    r.name = name ? name : arena_printf(mem, "Samordningsförbundet %s", r.short_name);
    bool relative = r.folder[0] != '/' && !strstr(r.folder, "..");
    r.schema_dir = relative && is_folder("docs/schema")
                       ? arena_printf(mem, "%sdocs/schema", up_from(mem, r.folder))
                       : installed_schemas;
    return r;
}

/* `s` as a double-quoted YAML scalar. */
static const char *quoted(arena *mem, const char *s)
{
    strbuf sb = {0};
    strbuf_putc(&sb, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            strbuf_putc(&sb, '\\');
        if (*s != '\n')
            strbuf_putc(&sb, *s);
    }
    strbuf_putc(&sb, '"');
    const char *q = arena_strdup(mem, sb.data);
    strbuf_free(&sb);
    return q;
}

static bool write_new(const char *path, const strbuf *text, diag_list *dl)
{
    if (atomic_write(path, text->data, text->len))
        return true;
    diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot write: %s", strerror(errno));
    return false;
}

bool init_association(arena *mem, const init_request *req, const char *written[2], diag_list *dl)
{
    written[0] = arena_printf(mem, "%s/association.yaml", req->folder);
    written[1] = arena_printf(mem, "%s/plan-%d.yaml", req->folder, req->year);
    size_t errors = dl->errors;
    for (int i = 0; i < 2; i++)
        if (access(written[i], F_OK) == 0)
            diag_add(dl, DIAG_ERROR, written[i], 0, 0, NULL,
                     "already there: planpress init never overwrites a file");
    if (dl->errors > errors)
        return false;
    if (!make_folders(mem, req->folder)) {
        diag_add(dl, DIAG_ERROR, req->folder, 0, 0, NULL, "cannot make the folder: %s",
                 strerror(errno));
        return false;
    }
    strbuf a = {0}, p = {0};
    strbuf_printf(&a, association_text, req->schema_dir, quoted(mem, req->name),
                  quoted(mem, req->short_name));
    int y = req->year;
    strbuf_printf(&p, plan_text, req->schema_dir, req->name, y, y, y, y + 1, y + 2, y - 1, y, y);
    bool ok = write_new(written[0], &a, dl) && write_new(written[1], &p, dl);
    strbuf_free(&a);
    strbuf_free(&p);
    return ok;
}
