"""Datasette's own test client, as the Datasette tests use it."""

from __future__ import annotations

import asyncio


def get(ds, path: str):
    """GET a page of a started Datasette; anything but 200 fails with the page's text."""
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return response
