"""The DuckDB warehouse: connect, load, export, query; its SQL lives in sql/*.sql."""
