"""Vendor scorecards: normalisation, scoring, AHP weights, sensitivity, templates,
evaluations, the vendor library service and the auditable xlsx export (Qt-free).

Arithmetic follows ../shared/DESIGN.md ("Vendor scorecards"); decisions it leaves
open are recorded in the module docstrings and in docs/scorecards.md.
"""
