# A section body of 27 563 nested block quotes (55 KB): the layout walks
# block quotes by recursion, so this refused nesting once overflowed the
# stack. Refused at the line, in bounded time.
awk '{ print } /^      body: \|$/ && !done { printf "        "; for (i = 0; i < 27563; i++) printf "> ";
       print "deep"; print ""; done = 1 }' plans/bad/plan-2024.yaml >plan.yaml.new
mv plan.yaml.new plans/bad/plan-2024.yaml
