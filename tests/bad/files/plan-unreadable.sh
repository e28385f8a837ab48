# A plan that cannot be read. As root, planpress runs as nobody (root may
# read anything), with the output folder its own.
chmod 000 plans/bad/plan-2024.yaml
if [ "$(id -u)" = 0 ]; then
    chown -R 65534:65534 out
    RUN_AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
