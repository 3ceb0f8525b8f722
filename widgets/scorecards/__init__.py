"""Scorecards widgets."""
