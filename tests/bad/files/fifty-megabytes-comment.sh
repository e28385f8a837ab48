# A 50 MB plan that is one long comment before a syntax error: read in
# bounded time and memory, and the error is still found at its line.
{
    awk 'BEGIN { s = sprintf("%98s", ""); gsub(/ /, "x", s); for (i = 0; i < 520000; i++) print "#" s }'
    printf 'plan:\n  year: 2024\n  title: [Verksamhetsplan\n'
} >plans/bad/plan-2024.yaml
