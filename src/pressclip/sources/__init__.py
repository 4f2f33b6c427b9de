"""Where pages come from: files, directories, standard input (later URLs, feeds, WARC)."""

from pressclip.sources.page import Page
from pressclip.sources.files import iter_paths, read_page

__all__ = ["Page", "iter_paths", "read_page"]
