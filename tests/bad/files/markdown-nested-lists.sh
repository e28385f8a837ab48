# A section body of 27 563 list items, each holding the next (55 KB), as
# markdown-nested-quotes.sh with lists.
awk '{ print } /^      body: \|$/ && !done { printf "        "; for (i = 0; i < 27563; i++) printf "- ";
       print "deep"; print ""; done = 1 }' plans/bad/plan-2024.yaml >plan.yaml.new
mv plan.yaml.new plans/bad/plan-2024.yaml
