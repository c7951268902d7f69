"""Access rules shared by every area: role checks and the signed-in weaver."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user

from storefront.extensions import login_manager

F = TypeVar("F", bound=Callable[..., Any])


def role_required(*roles: str) -> Callable[[F], F]:
    """Anonymous visitors go to the sign-in page; signed-in users without the role get 403."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


staff_required = role_required("staff")
weaver_required = role_required("weaver")
