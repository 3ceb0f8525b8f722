"""Checklists widgets."""
