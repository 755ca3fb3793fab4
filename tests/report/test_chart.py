"""The burn-up PNG: a real image of the expected size with something drawn on it."""
from __future__ import annotations

import io
import struct
from datetime import date

from matplotlib.image import imread

from adapters.common.chart import render_burn_up
from core.report.burnup import BurnUp

SERIES = BurnUp("#launch", (date(2026, 3, 1), date(2026, 3, 8), date(2026, 3, 15)), (2, 5, 6), (0, 1, 3),
                promised=date(2026, 4, 1), likely=date(2026, 4, 20))


def test_the_burn_up_is_an_800_by_450_png_with_lines_in_both_colours() -> None:
    png = render_burn_up(SERIES)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (800, 450)
    pixels = imread(io.BytesIO(png))
    assert pixels.shape[:2] == (450, 800)
    rgb = pixels[:, :, :3]
    assert (rgb.min(axis=2) < 0.5).mean() > 0.01  # dark ink: axes, text, lines
    blue = (rgb[:, :, 2] > 0.8) & (rgb[:, :, 0] < 0.3)
    red = (rgb[:, :, 0] > 0.8) & (rgb[:, :, 1] < 0.3)
    assert blue.sum() > 100 and red.sum() > 50  # the done line and the likely-finish line


def test_a_burn_up_without_a_forecast_still_draws() -> None:
    png = render_burn_up(BurnUp("#empty", (date(2026, 3, 1),), (0,), (0,)))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
