"""Inspections widgets."""
