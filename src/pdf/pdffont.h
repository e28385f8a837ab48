/* pdffont: the fonts of one PDF document. Gives every character a face sets
 * a code (cmap.h), then embeds each face the document uses as a CID-keyed
 * TrueType font (Type0): a HarfBuzz subset of the face holding just those
 * characters, the widths of the codes, a map from codes to the subset's
 * glyphs and a ToUnicode map from codes to characters. The objects belong to the libharu document;
 * pdf_fonts owns the rest (pdffont_free after the document is saved). */
#ifndef PP_PDFFONT_H
#define PP_PDFFONT_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "fonts.h"
#include "pdfstream.h"

typedef struct pdf_fonts pdf_fonts;

pdf_fonts *pdffont_new(const font_set *fonts);
void pdffont_free(pdf_fonts *pf);

/* Notes the characters of UTF-8 text set in `face`; before pdffont_embed. */
void pdffont_note(pdf_fonts *pf, face_style face, const char *s, size_t len);
/* Numbers the noted characters and adds the font of every face used to
 * `pdf`, its streams compressed through `streams`. Characters a face lacks are drawn as its empty
 * box and reported as warnings about `doc_path`. False (with an error) when a font cannot be subset
 * or written. */
bool pdffont_embed(pdf_fonts *pf, HPDF_Doc pdf, pdf_streams *streams, const char *doc_path,
                   diag_list *dl);

/* After pdffont_embed: the code of a noted character (0 for any other),
 * and the codes of `n` set glyphs. */
uint16_t pdffont_code(const pdf_fonts *pf, face_style face, uint32_t cp);
void pdffont_codes(const pdf_fonts *pf, face_style face, const font_glyph *glyphs, size_t n,
                   uint16_t *codes);
/* How many bytes each code of the face takes in the content stream (1 or 2). */
int pdffont_code_bytes(const pdf_fonts *pf, face_style face);
/* The Type0 font dictionary of a face, NULL when the document does not use it. */
HPDF_Dict pdffont_dict(const pdf_fonts *pf, face_style face);

#endif
