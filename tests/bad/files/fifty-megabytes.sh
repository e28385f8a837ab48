# A 50 MB plan: the Samsund plan with 1.4 million more sections, refused
# before it is read (data files of more than 2 MB are not). Made here, never
# committed.
awk '{ print } /^  sections:$/ { for (i = 0; i < 1400000; i++) print "    - {heading: Rubrik, body: Text.}" }' \
    plans/good/plan-2024.yaml >plans/bad/plan-2024.yaml
