#define _GNU_SOURCE /* dl_iterate_phdr */
#include "buildid.h"

#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *hex;
    size_t size;
    bool found;
} search;

static size_t align4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

/* Looks through one PT_NOTE segment for the GNU build ID note. */
static bool find_in_notes(const unsigned char *p, size_t len, search *s)
{
    while (len >= sizeof(ElfW(Nhdr))) {
        const ElfW(Nhdr) *note = (const void *)p;
        size_t name_at = sizeof *note, desc_at = name_at + align4(note->n_namesz);
        size_t next = desc_at + align4(note->n_descsz);
        if (next > len)
            return false;
        if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
            memcmp(p + name_at, "GNU", 4) == 0) {
            if (note->n_descsz == 0 || note->n_descsz * 2 + 1 > s->size)
                return false;
            for (size_t i = 0; i < note->n_descsz; i++)
                snprintf(s->hex + 2 * i, 3, "%02x", p[desc_at + i]);
            return true;
        }
        p += next;
        len -= next;
    }
    return false;
}

/* Called for each loaded object; the program itself comes first. */
static int visit(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    search *s = data;
    for (int i = 0; i < info->dlpi_phnum && !s->found; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_NOTE)
            s->found = find_in_notes((const void *)(info->dlpi_addr + ph->p_vaddr), ph->p_memsz, s);
    }
    return 1; /* only the program */
}

bool build_id(char *hex, size_t size)
{
    search s = {hex, size, false};
    dl_iterate_phdr(visit, &s);
    return s.found;
}
