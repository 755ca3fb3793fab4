"""Alembic migrations for Tandem's schema; run them through storage.migrate."""
