"""The ``graph html`` command: one offline, self-contained page."""

COMMANDS: list = []
