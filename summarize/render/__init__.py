"""Renderers: they only read a ``Result`` and present it; they never compute."""
