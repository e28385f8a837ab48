# A plan whose folder has no association.yaml.
rm plans/bad/association.yaml
