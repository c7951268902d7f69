"""Endpoint x role -> expected status, for every route of the ``shop`` and ``admin`` blueprints.

Routes are discovered from ``app.url_map``, so a new shop or admin page is covered the moment it
exists. Rules:
- anonymous visitors are sent to sign in (302 to accounts.login) everywhere;
- /admin is staff only: buyers and weavers get 403;
- /shop is weaver only (staff edit listings from /admin): buyers and staff get 403; weaver A may
  use every page about their own carpet, weaver B gets 403 on weaver A's carpet;
- a missing resource is 404 for the role that may use the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask, url_for
from werkzeug.routing import Rule
from werkzeug.routing.converters import AnyConverter

from storefront import create_app
from storefront.extensions import db
from tests.accounts.builders import make_application
from tests.builders import make_carpet, make_user, make_weaver
from tests.conftest import login

ROLES = ("anonymous", "buyer", "weaver_a", "weaver_b", "staff")
BLUEPRINTS = ("shop", "admin")
MISSING = 999_999
# URL arguments we can point at a real object (see World); anything else gets a missing value.
KNOWN_ARGS = {"carpet_id", "key", "application_id", "weaver_id", "user_id"}
ID_ARGS = {"carpet_id", "application_id", "weaver_id", "user_id"}


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    fixed: tuple[tuple[str, str], ...]  # values for <any(...)> arguments
    arguments: frozenset[str]

    @property
    def blueprint(self) -> str:
        return self.endpoint.split(".", 1)[0]

    @property
    def unknown_args(self) -> set[str]:
        return set(self.arguments) - KNOWN_ARGS - {"lang"} - {k for k, _ in self.fixed}


def _routes() -> list[Route]:
    app = create_app("testing")
    routes: list[Route] = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint.split(".", 1)[0] not in BLUEPRINTS:
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            for fixed in _any_values(rule):
                routes.append(Route(rule.endpoint, method, fixed, frozenset(rule.arguments)))
    return routes


def _any_values(rule: Rule) -> list[tuple[tuple[str, str], ...]]:
    """One combination per value of each ``<any(a,b):name>`` argument (``lang`` excluded)."""
    combos: list[tuple[tuple[str, str], ...]] = [()]
    for name, conv in rule._converters.items():
        if name == "lang" or not isinstance(conv, AnyConverter):
            continue
        combos = [c + ((name, item),) for c in combos for item in sorted(conv.items)]
    return combos


ROUTES = _routes()


def _route_id(route: Route) -> str:
    extra = ",".join(v for _, v in route.fixed)
    return f"{route.method} {route.endpoint}{'[' + extra + ']' if extra else ''}"


@dataclass
class World:
    users: dict[str, object]
    values: dict[str, object]


def _world() -> World:
    staff = make_user(role="staff")
    buyer = make_user(role="buyer")
    user_a = make_user(role="weaver", phone="+919800000011")
    user_b = make_user(role="weaver", phone="+919800000022")
    weaver_a = make_weaver(user_id=user_a.id)
    make_weaver(user_id=user_b.id)
    carpet = make_carpet(weaver=weaver_a, images=2, status="draft", published_at=None)
    application = make_application(phone="+919800000033")
    db.session.commit()
    return World(
        users={"buyer": buyer, "weaver_a": user_a, "weaver_b": user_b, "staff": staff},
        values={
            "carpet_id": carpet.id,
            "key": carpet.images[0].image_key,
            "application_id": application.id,
            "weaver_id": weaver_a.id,
            "user_id": user_a.id,
        },
    )


def _url(app: Flask, route: Route, values: dict[str, object], missing: bool = False) -> str:
    args: dict[str, object] = {"lang": "en", **dict(route.fixed)}
    for name in route.arguments - {"lang"} - set(args):
        if name in values and not (missing and name in ID_ARGS):
            args[name] = values[name]
        else:
            args[name] = MISSING if name.endswith("_id") else "missing"
    with app.test_request_context():
        return url_for(route.endpoint, _method=route.method, **args)


def _call(client, route: Route, url: str):  # noqa: ANN001, ANN202
    return client.open(url, method=route.method, data={} if route.method == "POST" else None)


def _allowed(status: int) -> bool:
    return status not in (401, 403, 404, 405) and status < 500


def _may_use(route: Route, role: str) -> bool:
    if route.blueprint == "admin":
        return role == "staff"
    if role == "weaver_b":
        return not ({"carpet_id", "key"} & route.arguments)  # their own pages only
    return role == "weaver_a"


def _expected(route: Route, role: str) -> str:
    if role == "anonymous":
        return "302 to sign-in"
    return "allowed" if _may_use(route, role) else "403"


def _outcome(route: Route, resp) -> str:  # noqa: ANN001
    status = resp.status_code
    if status == 302 and resp.headers["Location"].startswith("/en/account/login?next="):
        return "302 to sign-in"
    if _allowed(status) or (route.unknown_args and status == 404):
        return "allowed"
    return str(status)


def _role_order(route: Route) -> list[str]:
    """Refused roles first, then the roles that may act (a POST may change the carpet)."""
    return sorted(ROLES, key=lambda role: _may_use(route, role))


def test_the_matrix_sees_the_shop_and_the_back_office():
    endpoints = {r.endpoint for r in ROUTES}
    assert {"admin.dashboard", "admin.applications", "admin.weavers"} <= endpoints
    assert "shop.dashboard" in endpoints


@pytest.mark.parametrize("route", ROUTES, ids=_route_id)
def test_access(app, route):
    """One row of the table: this route for every role."""
    world = _world()
    url = _url(app, route, world.values)
    wrong = []
    for role in _role_order(route):
        client = app.test_client()
        if role != "anonymous":
            login(client, world.users[role])
        resp = _call(client, route, url)
        got, want = _outcome(route, resp), _expected(route, role)
        if got != want:
            wrong.append(f"{role}: expected {want}, got {got} ({resp.status_code})")
    assert not wrong, f"{route.method} {url}\n" + "\n".join(wrong)


ID_ROUTES = [r for r in ROUTES if r.arguments & ID_ARGS]


@pytest.mark.parametrize("route", ID_ROUTES, ids=_route_id)
def test_missing_resources_are_404(app, client, route):
    world = _world()
    login(client, world.users["staff" if route.blueprint == "admin" else "weaver_a"])
    resp = _call(client, route, _url(app, route, world.values, missing=True))
    assert resp.status_code == 404
