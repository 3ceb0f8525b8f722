"""Imports widgets."""
