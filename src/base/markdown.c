#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "oom.h"

static void register_extensions(void)
{
    cmark_gfm_core_extensions_ensure_registered();
}

/* cmark-gfm 0.29 keeps its table of special characters in a global that each
 * parse changes while it runs (github/cmark-gfm pull request 176): documents
 * laid out or loaded in parallel threads take turns to parse. */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* cmark-gfm's own allocator aborts when memory runs out: this one ends the
 * process as every other allocation does (oom.h), so that the batch can
 * tell the document's error. */
static void *cmark_calloc(size_t n, size_t size)
{
    return oom_check(calloc(n ? n : 1, size ? size : 1));
}

static void *cmark_realloc(void *p, size_t size)
{
    return oom_check(realloc(p, size ? size : 1));
}

/* Never changed: cmark-gfm wants a pointer that outlives the tree. */
static cmark_mem cmark_memory = {cmark_calloc, cmark_realloc, free};

cmark_node *markdown_parse(const char *markdown, size_t len)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_extensions);
    pthread_mutex_lock(&parse_lock);
    cmark_parser *parser =
        cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS, &cmark_memory);
    static const char *const extensions[] = {"table", "strikethrough"};
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(parser, markdown, len);
    cmark_node *root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    pthread_mutex_unlock(&parse_lock);
    return root;
}

bool markdown_link_allowed(const char *url)
{
    static const char *const schemes[] = {"https:", "http:", "mailto:"};
    if (url[0] == '#')
        return true;
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
        if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
            return true;
    return false;
}
