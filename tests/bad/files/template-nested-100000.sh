# An association's template with a hundred thousand nested sections (1.8 MB),
# each one open: refused in bounded time, without running out of stack.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{{#plan}}"; printf "x";
             for (i = 0; i < 100000; i++) printf "{{/plan}}"; print "" }' >plans/bad/plan.mustache
