"""The local console mode (DESIGN §5)."""

from console.session import Console

__all__ = ["Console"]
