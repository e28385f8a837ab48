#include "context.h"

#include "format.h"

value *context_amount(arena *mem, int64_t amount, bool present)
{
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "text", present ? format_int(buf, amount) : "");
    value_set_int(mem, v, "value", amount);
    value_set_bool(mem, v, "present", present);
    value_set_bool(mem, v, "negative", present && amount < 0);
    return v;
}

value *context_association(arena *mem, const association *a)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "name", a->name);
    value_set_string(mem, v, "short_name", a->short_name);
    value_set_string(mem, v, "org_number", a->org_number);
    value_set_string(mem, v, "address", a->address);
    value_set_string(mem, v, "phone", a->phone);
    value_set_string(mem, v, "email", a->email);
    value_set_string(mem, v, "web", a->web);
    value_set_string(mem, v, "vision", a->vision);
    value *members = value_set(mem, v, "members", value_list(mem));
    for (size_t i = 0; i < a->nmembers; i++) {
        value *m = value_map(mem);
        value_set_string(mem, m, "name", a->members[i].name);
        value_set_string(mem, m, "short_name", a->members[i].short_name);
        value_push(mem, members, m);
    }
    return v;
}
