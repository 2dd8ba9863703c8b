"""The MkDocs hooks (mkdocs.yml lists them, in order) and the build code they share.

MkDocs loads each listed file as a module of its own; what one hook uses from another it imports
from this package (`from hooks.site_words import site_words`), so nothing relies on MkDocs putting
this folder on `sys.path` while a hook loads. The project root is on the path: the editable install
puts it there, and `python -m mkdocs` runs from it. Shared state lives in the imported modules,
never in a listed hook's own copy.
"""
