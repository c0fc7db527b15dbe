"""The site side of the manual: the pages the build adds and what it does to each page.

Between the core (hooks/manual, which reads and checks the records) and MkDocs (reached only through
hooks/mkdocs_entry.py). Nothing here imports MkDocs, so a change of engine changes the entry point only.
"""
