"""Questions asked of a dataset; each returns plain, JSON-ready data."""
