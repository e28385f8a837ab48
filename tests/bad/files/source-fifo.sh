# A FIFO named like a source: opened without blocking and refused at once
# (it once hung the run for ever, deaf to SIGTERM, with the lock held).
rm plans/bad/plan-2024.yaml
mkfifo plans/bad/plan-2024.yaml
