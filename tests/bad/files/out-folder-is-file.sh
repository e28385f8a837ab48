# Where the PDF's folder should be there is a file.
rm -r out/bad
echo "not a folder" >out/bad
# It stays a file: the earlier PDF of plans/bad is gone already, so compare the rest.
sed -i '/\.\/bad\//d' "$SUMS"
# The plan changed since the last build, so planpress has to write it.
echo "# changed" >>plans/bad/plan-2024.yaml
