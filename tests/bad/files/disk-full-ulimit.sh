# A full disk, simulated with a file size limit of 16 KiB: writes past it
# fail (SIGXFSZ is ignored, as a full disk sends no signal). The plan changed
# since the last build, so planpress has to write it.
echo "# changed" >>plans/bad/plan-2024.yaml
trap '' XFSZ
ulimit -f 16
