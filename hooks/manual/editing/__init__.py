"""Editors' changes to the manual, made in place: new document, reviewed, withdrawn, owner renamed."""
