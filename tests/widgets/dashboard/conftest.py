from tests.widgets.dashboard.fixtures import context, demo_db

__all__ = ["context", "demo_db"]
