# The style file is gone.
rm templates/style.yaml
