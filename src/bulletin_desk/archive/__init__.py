"""archive room."""
