"""Tests of the plain-language reader."""
