"""Side-by-side benchmark of pressclip and the open extractors (not part of the package)."""
