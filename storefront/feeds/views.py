"""Marketplace feed pull endpoints (/feeds/...)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
