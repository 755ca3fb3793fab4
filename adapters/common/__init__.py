"""Tandem package."""
