# A 1.9 MB plan, just under the limit of 2 MB, that is one long comment
# before a syntax error: the error is still found at its line.
{
    awk 'BEGIN { s = sprintf("%98s", ""); gsub(/ /, "x", s); for (i = 0; i < 19000; i++) print "#" s }'
    printf 'plan:\n  year: 2024\n  title: [Verksamhetsplan\n'
} >plans/bad/plan-2024.yaml
