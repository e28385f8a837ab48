# A plan that cannot be read. As root, planpress runs as nobody.
chmod 000 plans/bad/plan-2024.yaml
if [ "$(id -u)" = 0 ]; then
    RUN_AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
