from tests.widgets.scorecards.conftest import context, world

__all__ = ["context", "world"]
