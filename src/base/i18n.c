#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder of the catalogues: BUILD/locale when the binary is
 * BUILD/planpress and the build made the catalogue there, else
 * PREFIX/share/locale for PREFIX/bin/planpress. NULL when the binary's own
 * path cannot be had (gettext's default folder is used then). */
static const char *catalogue_folder(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    static const char probe[] = "/locale/sv/LC_MESSAGES/planpress.mo";
    if (!slash || (size_t)(slash - buf) + sizeof probe + sizeof "/../share" > size)
        return NULL;
    strcpy(slash, probe);
    if (is_file(buf)) {
        strcpy(slash, "/locale");
        return buf;
    }
    strcpy(slash, "/../share/locale");
    return buf;
}

/* True when the environment asks for no language gettext could translate
 * into: the C locale (or none) for messages, and no LANGUAGE list. Then
 * nothing is looked up, and the locale archive is not read: a fifth of a
 * millisecond of every start in a nightly job's environment. */
static bool untranslated(void)
{
    const char *languages = getenv("LANGUAGE");
    if (languages && *languages)
        return false;
    const char *locale = "";
    static const char *const variables[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof variables / sizeof variables[0] && !*locale; i++) {
        const char *value = getenv(variables[i]);
        if (value)
            locale = value;
    }
    return !*locale || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0 ||
           strncmp(locale, "C.", 2) == 0;
}

void i18n_init(void)
{
    if (untranslated())
        return;
    setlocale(LC_MESSAGES, "");
    char buf[I18N_PATH_MAX];
    const char *dir = catalogue_folder(buf, sizeof buf);
    if (dir)
        bindtextdomain("planpress", dir);
    bind_textdomain_codeset("planpress", "UTF-8");
    bind_textdomain_codeset("libc", "UTF-8"); /* strerror's texts in a message */
    textdomain("planpress");
}
