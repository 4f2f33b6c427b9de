"""The trained block model: its weights (``blocks.json``) and its log-odds as code."""
