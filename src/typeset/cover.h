/* cover: the cover page, from a ```cover block: title, subtitle and the
 * lines beneath them. */
#ifndef PP_COVER_H
#define PP_COVER_H

#include "page.h"

void cover_layout(layout_state *ls, const char *body);

#endif
