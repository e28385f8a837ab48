/* srgb_icc: the sRGB ICC profile of Ghostscript (Debian libgs-common,
 * /usr/share/color/icc/ghostscript/srgb.icc), compiled in by the Makefile
 * so that a PDF's output intent does not depend on a file at run time;
 * compressed then by bake_deflate as pdfstream would compress it, since it
 * is the same in every document. */
#ifndef PP_SRGB_ICC_H
#define PP_SRGB_ICC_H

#include <stddef.h>

extern const unsigned char srgb_icc_deflated[];
extern const size_t srgb_icc_deflated_len;

#endif
