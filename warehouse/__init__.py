"""dyad package."""
