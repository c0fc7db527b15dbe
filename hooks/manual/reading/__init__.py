"""Reading and checking the manual's files: YAML, front matter, schemas, content safety, cross-checks."""
