"""corpusdb's links for Datasette 0.64/0.65, written by `corpusdb datasette-metadata
--plugins-dir DIR` (serve with `--plugins-dir DIR`).

Datasette links a foreign key in a table's page, but not an id in a view or a canned query
(a report). This plugin does, by column name: a story's id opens the `story` report on it,
an article's or an entity's id opens its row. Any other cell is left to Datasette.
"""

from urllib.parse import urlencode

import markupsafe
from datasette import hookimpl

# Column name -> the page an id in it opens: ("query", canned query, parameter) or
# ("row", table).
LINKS = {
    "story_id": ("query", "report-story", "id"),
    "article_id": ("row", "articles"),
    "first_article_id": ("row", "articles"),
    "entity_id": ("row", "entities"),
}


@hookimpl
def render_cell(value, column, table, database, datasette):
    link = LINKS.get(column)
    if link is None or isinstance(value, bool) or not isinstance(value, int):
        return None
    if link[0] == "row":
        href = datasette.urls.row(database, link[1], str(value))
    else:
        href = datasette.urls.query(database, link[1]) + "?" + urlencode({link[2]: value})
    return markupsafe.Markup('<a href="{}">{}</a>').format(href, value)
