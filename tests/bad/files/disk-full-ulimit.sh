# A full disk, simulated with a file size limit of 16 KiB: writes past it
# fail (SIGXFSZ is ignored, as a full disk sends no signal).
trap '' XFSZ
ulimit -f 16
