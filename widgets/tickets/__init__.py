"""Tickets widgets."""
