#include "tags.h"

#include "arena.h"

void tags_begin(layout_state *ls)
{
    layout_doc *d = ls->doc;
    d->ntags = 0;
    *ARENA_PUSH(ls->mem, d->tags, d->ntags, d->tags_cap) =
        (tag_elem){.role = TAG_DOCUMENT, .parent = -1, .seq = ls->seq++};
    ls->tag = 0;
}

int tag_open_in(layout_state *ls, int parent, tag_role role)
{
    layout_doc *d = ls->doc;
    if (parent < 0 || (size_t)parent >= d->ntags)
        parent = 0;
    *ARENA_PUSH(ls->mem, d->tags, d->ntags, d->tags_cap) =
        (tag_elem){.role = role, .parent = parent, .seq = ls->seq++};
    ls->tag = (int)d->ntags - 1;
    return ls->tag;
}

int tag_open(layout_state *ls, tag_role role)
{
    return tag_open_in(ls, ls->tag, role);
}

void tag_close(layout_state *ls, int elem)
{
    if (elem >= 0 && (size_t)elem < ls->doc->ntags)
        ls->tag = ls->doc->tags[elem].parent >= 0 ? ls->doc->tags[elem].parent : 0;
}

int tag_enter(layout_state *ls, int tag)
{
    int was = ls->tag;
    ls->tag = tag;
    return was;
}

void tag_leave(layout_state *ls, int previous)
{
    ls->tag = previous;
}

tag_elem *tag_get(layout_state *ls, int elem)
{
    return elem >= 0 && (size_t)elem < ls->doc->ntags ? &ls->doc->tags[elem] : NULL;
}

tag_role tag_heading(int level)
{
    return level <= 1 ? TAG_H1 : level >= 6 ? TAG_H6 : (tag_role)(TAG_H1 + level - 1);
}
