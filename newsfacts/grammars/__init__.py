"""yargy grammars, one module per fact type; their vocabularies come from rules/."""
