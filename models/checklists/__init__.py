"""Checklists: template specs and versions, xlsx exchange, filling and scoring
inspections, analysis queries and offline packages (Qt-free)."""
