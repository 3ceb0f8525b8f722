"""inspections: the source's verdict, visit type and notes of imported visits

Visit-level imports (city food-safety results, audit-tool exports) carry a verdict such as
"Pass w/ Conditions", a visit type ("Routine Inspection", "Canvass") and free text such as
the violations found; they had nowhere to go.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inspections') as batch:
        batch.add_column(sa.Column('result', sa.String(length=100), nullable=True))
        batch.add_column(sa.Column('visit_type', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('notes', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('inspections') as batch:
        batch.drop_column('notes')
        batch.drop_column('visit_type')
        batch.drop_column('result')
