"""Vendors widgets."""
