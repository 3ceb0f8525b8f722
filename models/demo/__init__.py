"""The demo data set: realistic, deterministic tickets, sites, vendors and their documents.

``generate_demo(db, tickets=20_000, seed=42)`` fills a database in one transaction;
``servicelens demo`` and the first-start offer call it. Qt-free.
"""

from models.demo.generate import DemoSummary, default_now, generate_demo, has_demo_data
from models.demo.reference import DEMO_SOURCE

__all__ = ["DEMO_SOURCE", "DemoSummary", "default_now", "generate_demo", "has_demo_data"]
