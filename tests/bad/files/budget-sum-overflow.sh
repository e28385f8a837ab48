# 9 300 cost rows of 10^15 (each within the limit of an amount): their sum
# does not fit in 64 bits. An error, which fails the document: it was built
# with blank totals, status 0.
awk '{ print } /^    costs:$/ && !done {
       for (i = 0; i < 9300; i++)
           printf "      - {label: Rad %d, category: other, values: [1000000000000000, 1, 1, 1, 1]}\n", i
       done = 1 }' plans/bad/plan-2024.yaml >plan.yaml.new
mv plan.yaml.new plans/bad/plan-2024.yaml
