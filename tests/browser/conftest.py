"""Headless Chromium for the page's tests, driven by Playwright's Python package.

The browser is Debian's ``chromium`` (``scripts/install-browser.sh`` installs
it; ``GRAPH_CHROMIUM`` names another binary), never one that Playwright
downloads. Without it these tests fail, unless ``GRAPH_SKIP_BROWSER=1`` says
to skip them on purpose.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("GRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # WebGL pages (--renderer webgl) draw through SwiftShader, Chromium's CPU GL.
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 1000}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LOCAL_SCHEMES = ("file:", "data:", "blob:")


@dataclass
class Visit:
    """A page loaded from a file, with everything it asked for and complained about."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]

    def problems(self) -> list[str]:
        """Everything that should never happen: remote requests, errors, dialogs."""
        return [
            *(f"request {url}" for url in self.remote_requests()),
            *(f"console error: {text}" for text in self.console_errors),
            *(f"page error: {text}" for text in self.page_errors),
            *(f"dialog: {text}" for text in self.dialogs),
        ]


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """One Chromium with a fresh profile for the session; remote requests are refused."""
    if os.environ.get("GRAPH_SKIP_BROWSER") == "1":
        pytest.skip("GRAPH_SKIP_BROWSER=1: browser tests skipped on purpose")
    if not CHROMIUM.is_file():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: run scripts/install-browser.sh "
            "(or set GRAPH_SKIP_BROWSER=1 to skip the browser tests)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            headless=True,
        )
        # A second guard besides the page's own CSP: nothing leaves the machine.
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(LOCAL_SCHEMES) else route.abort()
            ),
        )
        yield context
        context.close()


@pytest.fixture
def visit(browser_context):
    """Return a function that opens an HTML file and waits until its graph stands still."""
    opened = []

    def open_file(path: Path, timeout_ms: int = 60_000) -> Visit:
        page = browser_context.new_page()
        opened.append(page)
        seen = Visit(page)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("websocket", lambda socket: seen.requests.append(socket.url))
        page.on(
            "console",
            lambda message: (
                seen.console_errors.append(message.text) if message.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
        page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(Path(path).resolve().as_uri())
        # A function, not a string: the page's CSP forbids eval, which strings need.
        page.wait_for_function("() => window.graphStable === true", timeout=timeout_ms)
        return seen

    yield open_file
    for page in opened:
        page.close()


@pytest.fixture(scope="session")
def seed_page(tmp_path_factory) -> Path:
    """The seed dataset's page, written once for every browser test that only reads it."""
    from .helpers import write_page

    return write_page(tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def seed_pages(tmp_path_factory, seed_page) -> dict[str, Path]:
    """The seed's page drawn by each renderer: {"vis": ..., "webgl": ...}."""
    from .helpers import write_page

    return {
        "vis": seed_page,
        "webgl": write_page(tmp_path_factory.mktemp("seed-webgl"), "--renderer", "webgl"),
    }
