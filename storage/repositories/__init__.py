"""SQL implementations of the repositories in core/ports.py, one module per aggregate."""
