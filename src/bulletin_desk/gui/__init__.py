"""gui room."""
