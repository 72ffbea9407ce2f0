"""Reading the notes: files, the bounded YAML composer, front-matter, schemas, problems,
the cache, the notebook; and mkdocs.yml without MkDocs.
"""
