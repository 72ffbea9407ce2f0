"""The pages: the site context and Jinja environment, escaping, labels, links, SVG charts,
the calendar, and one module per page. Decides nothing the analysis did not.
"""
