"""Who and where: sites, vendors with their qualification documents, users."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    CheckConstraint,
    Column,
    Enum,
    ForeignKey,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from models.orm.base import Base, Timestamped, Versioned


class VendorStatus(enum.StrEnum):
    ACTIVE = "active"
    PROBATION = "probation"
    SUSPENDED = "suspended"
    BLACKLISTED = "blacklisted"


class UserRole(enum.StrEnum):
    SUPERVISOR = "supervisor"
    PROCUREMENT = "procurement"
    INSPECTOR = "inspector"
    ADMIN = "admin"


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column stored as its string values (VARCHAR + CHECK, no native type)."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        length=32,
    )


site_vendors = Table(
    "site_vendors",
    Base.metadata,
    Column("site_id", ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
    Column("vendor_id", ForeignKey("vendors.id", ondelete="CASCADE"), primary_key=True),
)


class Site(Timestamped, Base):
    """A place where service is delivered and inspected (store, hotel, building)."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(400))
    kind: Mapped[str | None] = mapped_column(String(64))

    vendors: Mapped[list[Vendor]] = relationship(secondary=site_vendors, back_populates="sites")


class Vendor(Versioned, Timestamped, Base):
    """An outsourced service provider (cleaning, logistics, IT, facilities ...)."""

    __tablename__ = "vendors"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    service_category: Mapped[str] = mapped_column(String(64), index=True)
    contact_name: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(64))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contract_start: Mapped[dt.date | None]
    contract_end: Mapped[dt.date | None]
    status: Mapped[VendorStatus] = mapped_column(
        enum_column(VendorStatus, "vendor_status"), default=VendorStatus.ACTIVE
    )
    notes: Mapped[str | None] = mapped_column(Text)

    sites: Mapped[list[Site]] = relationship(secondary=site_vendors, back_populates="vendors")
    qualifications: Mapped[list[VendorQualification]] = relationship(
        back_populates="vendor", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint(
            "contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start",
            name="contract_order",
        ),
    )


class VendorQualification(Timestamped, Base):
    """A qualification document (licence, certificate, permit) with its validity."""

    __tablename__ = "vendor_qualifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    number: Mapped[str | None] = mapped_column(String(100))
    issued_on: Mapped[dt.date | None]
    expires_on: Mapped[dt.date | None] = mapped_column(index=True)
    file_name: Mapped[str | None] = mapped_column(String(260))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    vendor: Mapped[Vendor] = relationship(back_populates="qualifications")

    __table_args__ = (
        CheckConstraint(
            "expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on",
            name="validity_order",
        ),
    )


class User(Timestamped, Base):
    """A person using ServiceLens; names appear in audit entries and ratings."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole, "user_role"))

    __table_args__ = (UniqueConstraint("username"),)
