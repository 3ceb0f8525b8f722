"""tickets: the on-site arrival time

DESIGN.md's SLA policies carry an on-site arrival target (P1: 2 h) for field service;
the tickets had no time to measure it against.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""
from alembic import op
import sqlalchemy as sa

import models.orm.base


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets') as batch:
        batch.add_column(sa.Column('onsite_at', models.orm.base.UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tickets') as batch:
        batch.drop_column('onsite_at')
