"""Extraction: a page in, an Article (or a refusal that says why) out."""
