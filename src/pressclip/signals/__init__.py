"""Page signals shared by the extractors: wire sources, credits, relative times, dates."""
