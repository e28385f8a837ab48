/* pdftags: the structure tree of a tagged PDF (ISO 32000-1, 14.7 and
 * 14.8), from the elements the layout gave the boxes (boxes.h): the
 * marked-content identifiers of each page, the structure parents of link
 * annotations, and then the elements, their kids in reading order (the
 * order the layout emitted them in), the parent tree and the role map,
 * written as objects of pdfobjects.h. Owns its lists. */
#ifndef PP_PDFTAGS_H
#define PP_PDFTAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "boxes.h"
#include "pdfobjects.h"

typedef struct pdf_tags pdf_tags;

pdf_tags *pdftags_new(const layout_doc *doc);
void pdftags_free(pdf_tags *t);

/* The structure type's name, such as "TD". */
const char *pdftags_role_name(tag_role role);
/* A marked-content sequence of element `elem` begins on page `page`
 * (from 0); its MCID, -1 when memory runs out. `seq` orders it among the
 * element's kids. */
int pdftags_mark(pdf_tags *t, size_t page, int elem, uint32_t seq);
/* Link annotation object `obj` on page `page` belongs to `elem`: its
 * /StructParent key, -1 when memory runs out. */
int pdftags_annotation(pdf_tags *t, size_t page, int elem, uint32_t seq, uint32_t obj);
/* The /StructParents key of page `page`. */
int pdftags_page_key(size_t page);

/* Writes the tree; `pages` are the page objects' numbers. The number of
 * the StructTreeRoot in *root. */
bool pdftags_write(pdf_tags *t, pdf_objects *objs, const uint32_t *pages, uint32_t *root);

/* Appends a PDF text string: a literal in PDFDocEncoding when it can be, else
 * UTF-16BE in hex with a byte order mark. */
void pdftags_text_string(strbuf *out, const char *utf8);

#endif
