"""The ``graph`` command line: click only; every answer comes from the library."""
