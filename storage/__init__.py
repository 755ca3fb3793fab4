"""Storage: SQLAlchemy rows, repositories, the unit of work and migrations behind core/ports.py."""
