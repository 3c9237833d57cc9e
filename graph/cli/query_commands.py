"""Query commands (centrality, path, neighbors, camps, communities, whatif)."""

COMMANDS: list = []
