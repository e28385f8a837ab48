/* i18n: the messages of the command line (help, summaries, the check
 * report) in the language of the user's locale, with GNU gettext: Swedish
 * under a Swedish locale (po/sv.po), English otherwise. The diagnostics of
 * the data files stay English. */
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
