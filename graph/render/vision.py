"""How colours look to readers with red-green colour blindness, to check the page's palettes.

Machado, Oliveira and Fernandes (2009) give one matrix per deficiency, applied
to linear RGB; distances are CIE76 ΔE in CIELAB (about 2.3 is just
noticeable, above 20 clearly different colours).

>>> round(difference("#0077bb", "#cc3311"), 1)
114.0
>>> simulate("#ffffff", "deuteranopia")
'#ffffff'
"""

from __future__ import annotations

__all__ = ["MATRICES", "difference", "simulate"]

# Severity 1.0 (complete dichromacy).
MATRICES = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}


def _linear(color: str) -> list[float]:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def _encoded(linear: list[float]) -> str:
    def one(c: float) -> int:
        c = min(max(c, 0.0), 1.0)
        c = 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
        return round(c * 255)

    return "#" + "".join(f"{one(c):02x}" for c in linear)


def simulate(color: str, deficiency: str) -> str:
    """Return ``color`` ("#rrggbb") as a reader with ``deficiency`` sees it."""
    rgb = _linear(color)
    matrix = MATRICES[deficiency]
    return _encoded([sum(m * c for m, c in zip(row, rgb)) for row in matrix])


def _lab(color: str) -> tuple[float, float, float]:
    r, g, b = _linear(color)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(first: str, second: str) -> float:
    """Return the CIE76 colour difference (ΔE) between two "#rrggbb" colours."""
    return sum((a - b) ** 2 for a, b in zip(_lab(first), _lab(second))) ** 0.5
