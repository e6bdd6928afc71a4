"""News articles and their index: built by the issue "News"."""
