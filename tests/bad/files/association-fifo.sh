# The association file a loader opens by itself, as a FIFO: refused at once.
rm plans/bad/association.yaml
mkfifo plans/bad/association.yaml
