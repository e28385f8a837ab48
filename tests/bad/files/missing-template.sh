# The default template is gone.
rm templates/plan.mustache
