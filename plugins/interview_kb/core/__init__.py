"""The core: the model, the value lists, the options, names and people, dates, wording,
paths and URLs. Imports nothing else of the package.
"""
