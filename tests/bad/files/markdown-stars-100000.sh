# 100 000 asterisks on each side of a word: emphasis nested 50 000 deep,
# which the collection of a paragraph's words once walked by recursion.
awk '{ print } /^      body: \|$/ && !done { printf "        ";
       for (i = 0; i < 100000; i++) printf "*"; printf "word";
       for (i = 0; i < 100000; i++) printf "*"; print ""; print ""; done = 1 }' \
    plans/bad/plan-2024.yaml >plan.yaml.new
mv plan.yaml.new plans/bad/plan-2024.yaml
