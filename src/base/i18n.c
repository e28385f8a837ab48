#include "i18n.h"

#include <locale.h>
#include <stdio.h>
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

void i18n_init(void)
{
    setlocale(LC_MESSAGES, "");
    char buf[I18N_PATH_MAX];
    const char *dir = catalogue_folder(buf, sizeof buf);
    if (dir)
        bindtextdomain("planpress", dir);
    bind_textdomain_codeset("planpress", "UTF-8");
    bind_textdomain_codeset("libc", "UTF-8"); /* strerror's texts in a message */
    textdomain("planpress");
}
