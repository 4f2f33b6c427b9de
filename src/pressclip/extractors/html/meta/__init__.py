"""Readers behind :func:`pressclip.extractors.html.metadata.extract_metadata`."""
