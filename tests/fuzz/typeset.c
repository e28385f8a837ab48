/* Fuzz target for the typesetting stage: the input is Markdown, laid out
 * with the default style and fonts (layout.h) and drawn into a PDF
 * (pdf.h) in the scratch folder, as the last two stages of a document. */
#include <stdio.h>
#include <stdlib.h>

#include "fonts.h"
#include "fuzz.h"
#include "layout.h"
#include "pdf.h"
#include "style.h"

static arena style_mem;
static const style *sample_style;
static font_set *fonts;

static void free_fonts(void)
{
    fonts_free(fonts);
    arena_free(&style_mem);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    arena_init(&style_mem);
    diag_list dl;
    diag_list_init(&dl, &style_mem);
    sample_style = style_load(&style_mem, PLANPRESS_ROOT "/templates/style.yaml", &dl);
    fonts = sample_style ? fonts_load(sample_style, &dl) : NULL;
    if (!fonts)
        fuzz_fail("cannot load the default style and fonts");
    atexit(free_fonts);
    fuzz_dir();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char pdf[256];
    if (!pdf[0])
        snprintf(pdf, sizeof pdf, "%s/document.pdf", fuzz_dir());
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    layout_info info = {.title = "Verksamhetsplan 2024",
                        .association = "Samordningsförbundet Samsund",
                        .source = "fuzz.md"};
    layout_doc doc;
    pdf_metadata meta = {.title = "Fuzz", .language = "sv-SE"};
    bool ok =
        layout_markdown(&mem, (const char *)data, size, sample_style, fonts, &info, &doc, &dl) &&
        pdf_write(&doc, fonts, &meta, pdf, &dl);
    if (!ok && dl.errors == 0)
        fuzz_fail("typesetting failed without an error");
    arena_free(&mem);
    return 0;
}
