"""Drawing a dataset: the interactive, self-contained HTML page.

pyvis (and its IPython import) is touched only when a page is rendered.
"""

from .html import render_html

__all__ = ["render_html"]
