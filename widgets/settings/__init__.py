"""Settings widgets."""
