/* The JSON Schemas in docs/schema/ are valid JSON and name exactly the keys
 * and enumeration values the loaders accept (formats.c); with python3-yaml
 * and python3-jsonschema at hand, every sample validates against them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "yamltree.h"

#include "test_support.h"

/* ---- a strict JSON syntax check (RFC 8259) ------------------------------- */

typedef struct {
    const char *s;
    int depth;
} json_reader;

static void skip_space(json_reader *r)
{
    while (*r->s == ' ' || *r->s == '\n' || *r->s == '\r' || *r->s == '\t')
        r->s++;
}

static bool json_value(json_reader *r);

static bool json_string(json_reader *r)
{
    if (*r->s++ != '"')
        return false;
    while (*r->s != '"') {
        unsigned char c = (unsigned char)*r->s++;
        if (c < 0x20)
            return false;
        if (c == '\\') {
            char e = *r->s++;
            if (e == 'u') {
                for (int i = 0; i < 4; i++)
                    if (!strchr("0123456789abcdefABCDEF", *r->s++) || !r->s[-1])
                        return false;
            } else if (!e || !strchr("\"\\/bfnrt", e)) {
                return false;
            }
        }
    }
    r->s++;
    return true;
}

static bool json_number(json_reader *r)
{
    const char *start = r->s;
    if (*r->s == '-')
        r->s++;
    if (*r->s == '0')
        r->s++;
    else if (*r->s >= '1' && *r->s <= '9')
        while (*r->s >= '0' && *r->s <= '9')
            r->s++;
    else
        return false;
    if (*r->s == '.') {
        r->s++;
        if (!(*r->s >= '0' && *r->s <= '9'))
            return false;
        while (*r->s >= '0' && *r->s <= '9')
            r->s++;
    }
    if (*r->s == 'e' || *r->s == 'E') {
        r->s++;
        if (*r->s == '+' || *r->s == '-')
            r->s++;
        if (!(*r->s >= '0' && *r->s <= '9'))
            return false;
        while (*r->s >= '0' && *r->s <= '9')
            r->s++;
    }
    return r->s > start;
}

/* An object or array: `open` items separated by commas up to `close`. */
static bool json_container(json_reader *r, char close, bool keyed)
{
    r->s++;
    if (++r->depth > 100)
        return false;
    skip_space(r);
    if (*r->s == close) {
        r->s++;
        r->depth--;
        return true;
    }
    for (;;) {
        skip_space(r);
        if (keyed) {
            if (!json_string(r))
                return false;
            skip_space(r);
            if (*r->s++ != ':')
                return false;
        }
        if (!json_value(r))
            return false;
        skip_space(r);
        if (*r->s == close) {
            r->s++;
            r->depth--;
            return true;
        }
        if (*r->s++ != ',')
            return false;
    }
}

static bool json_value(json_reader *r)
{
    skip_space(r);
    switch (*r->s) {
    case '{': return json_container(r, '}', true);
    case '[': return json_container(r, ']', false);
    case '"': return json_string(r);
    case 't': return strncmp(r->s, "true", 4) == 0 && (r->s += 4);
    case 'f': return strncmp(r->s, "false", 5) == 0 && (r->s += 5);
    case 'n': return strncmp(r->s, "null", 4) == 0 && (r->s += 4);
    default: return json_number(r);
    }
}

static bool valid_json(const char *text)
{
    json_reader r = {text, 0};
    if (!json_value(&r))
        return false;
    skip_space(&r);
    return *r.s == '\0';
}

/* ---- the schemas against the loaders' vocabulary ------------------------- */

static const char *const schemas[] = {"association", "plan",   "outcome", "minutes",
                                      "group",       "annual", "mapping", NULL};

static ynode *load_schema(arena *mem, const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "../docs/schema/%s.schema.json", name);
    char *text = read_text(path);
    if (!valid_json(text))
        fail_msg("%s is not valid JSON", path);
    diag_list dl;
    diag_list_init(&dl, mem);
    ynode *root = ytree_parse(mem, path, text, strlen(text), &dl);
    test_free(text);
    diag_print_all(&dl, stderr);
    assert_non_null(root);
    assert_int_equal(dl.errors, 0);
    return root;
}

static void schemas_are_valid_json(void **state)
{
    (void)state;
    assert_true(valid_json("{\"a\": [1, -2.5e3, true, null, \"\\u00e5\"]}"));
    assert_false(valid_json("{\"a\": [1, 2,]}"));
    assert_false(valid_json("{'a': 1}"));
    assert_false(valid_json("{\"a\": 01}"));
    arena mem;
    arena_init(&mem);
    for (size_t i = 0; schemas[i]; i++)
        load_schema(&mem, schemas[i]);
    arena_free(&mem);
}

static const ynode *schema_def(const ynode *root, const char *def)
{
    if (!def)
        return root;
    const ynode *d = ymap_get(ymap_get(root, "$defs"), def);
    if (!d)
        fail_msg("no $defs/%s", def);
    return d;
}

static size_t count_names(const char *const *names)
{
    size_t n = 0;
    while (names[n])
        n++;
    return n;
}

/* The scalars of `list` (a map's keys, or a sequence's items) are exactly `names`. */
static void assert_same_names(const char *where, const ynode *list, const char *const *names)
{
    assert_non_null(list);
    for (size_t i = 0; names[i]; i++) {
        bool found = false;
        for (size_t j = 0; j < list->count && !found; j++)
            found =
                yscalar_is(list->kind == YNODE_MAP ? list->pairs[j].key : list->items[j], names[i]);
        if (!found)
            fail_msg("%s does not name \"%s\", which the loader accepts", where, names[i]);
    }
    if (list->count != count_names(names))
        fail_msg("%s names %zu, the loader accepts %zu", where, list->count, count_names(names));
}

static void schemas_name_every_key_the_loader_accepts(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    size_t checked = 0;
    for (const format_names *k = format_keys; k->names; k++, checked++) {
        const ynode *def = schema_def(load_schema(&mem, k->schema), k->def);
        char *where =
            arena_printf(&mem, "%s.schema.json $defs/%s", k->schema, k->def ? k->def : "(top)");
        assert_true(yscalar_is(ymap_get(def, "additionalProperties"), "false"));
        assert_same_names(where, ymap_get(def, "properties"), k->names);
    }
    for (const format_names *e = format_enums; e->names; e++, checked++) {
        const ynode *def = schema_def(load_schema(&mem, e->schema), e->def);
        assert_same_names(arena_printf(&mem, "%s.schema.json $defs/%s enum", e->schema, e->def),
                          ymap_get(def, "enum"), e->names);
    }
    assert_true(checked > 50);
    arena_free(&mem);
}

static void samples_validate_against_the_schemas(void **state)
{
    (void)state;
    if (system("python3 -c 'import jsonschema, yaml' 2>/dev/null") != 0)
        skip(); /* python3-jsonschema and python3-yaml are not installed */
    assert_int_equal(system("python3 validate_samples.py .. >/dev/null"), 0);
}

/* Runs a check of tests/ on the repository; its report is shown when it fails. */
static void passes(const char *script)
{
    if (system("python3 -c 'import jsonschema, yaml' 2>/dev/null") != 0)
        skip(); /* python3-jsonschema and python3-yaml are not installed */
    char command[256];
    snprintf(command, sizeof command, "python3 %s .. >%s.log 2>&1", script, script);
    int rc = system(command);
    snprintf(command, sizeof command, "%s.log", script);
    if (rc != 0)
        print_error("%s", read_text(command));
    remove(command);
    assert_int_equal(rc, 0);
}

/* .vscode/settings.json maps every sample to its schema, and the samples
 * are valid as an editor's YAML 1.1 reader sees them (dates quoted). */
static void editors_validate_the_samples_without_set_up(void **state)
{
    (void)state;
    passes("check_editors.py");
}

/* Every case of the bad-input corpus that planpress refuses is refused by
 * the schema too, but for the checks docs/formats/README.md lists. */
static void schemas_refuse_what_the_loaders_refuse(void **state)
{
    (void)state;
    passes("check_schema_agreement.py");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(schemas_are_valid_json),
        cmocka_unit_test(schemas_name_every_key_the_loader_accepts),
        cmocka_unit_test(samples_validate_against_the_schemas),
        cmocka_unit_test(editors_validate_the_samples_without_set_up),
        cmocka_unit_test(schemas_refuse_what_the_loaders_refuse),
    };
    return cmocka_run_group_tests_name("schemas", tests, NULL, NULL);
}
