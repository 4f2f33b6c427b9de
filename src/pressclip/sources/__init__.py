"""Where pages come from: files, directories, standard input (later URLs, feeds, WARC)."""

from pressclip.sources.files import iter_paths, read_page
from pressclip.sources.page import Page

__all__ = ["Page", "iter_paths", "read_page"]
