/* i18n: the messages in the language of the user's locale, with GNU
 * gettext: Swedish under a Swedish locale (po/sv.po), English otherwise. The
 * command line's (help, summaries, the check report) and the diagnostics of
 * the data files and templates: diag_add and the reporting functions of the
 * stages look their format up (the Makefile's I18N_KEYWORDS name them for
 * xgettext); words given as their arguments are marked N_() or _() where
 * they are made. What a program reads stays English: file names, key paths,
 * JSON keys. */
#ifndef PP_I18N_H
#define PP_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(text)  gettext(text)
#define N_(text) text

enum { I18N_PATH_MAX = 4096 };

/* Takes the language of messages (only LC_MESSAGES: numbers and character
 * classes stay C) from the environment and finds the catalogue: beside a
 * binary run from the build tree (BUILD/locale), else PREFIX/share/locale
 * for PREFIX/bin/planpress. Messages are written in UTF-8 whatever the
 * locale's character set. */
void i18n_init(void);

#endif
