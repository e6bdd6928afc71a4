"""The home page's first load stays light (issue "Performance": under 500 KB in all, demo
images included) and no script blocks rendering."""

import pytest

FIRST_LOAD_LIMIT = 500_000  # bytes on the wire, headers included


@pytest.mark.parametrize(("language", "phone"), [("de", False), ("en", False), ("de", True)])
def test_home_page_first_load_is_under_500_kb(visit, language, phone):
    page = visit(language, phone=phone)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(f"/{language}/", wait_until="networkidle")
    # Scroll to the end so that lazily loaded pictures count too.
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    sizes = {request.url: request.sizes() for request in finished}
    total = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes.values())
    print(f"home /{language}/ {'phone' if phone else 'desktop'}: {len(sizes)} requests, {total:,} bytes")
    assert any("/media/images/" in url for url in sizes), "the demo's pictures were not loaded"
    assert total < FIRST_LOAD_LIMIT, sorted(sizes.items(), key=lambda item: -item[1]["responseBodySize"])[:5]


def test_no_script_blocks_rendering(page):
    page.goto("/de/")
    blocking = page.evaluate(
        """() => [...document.querySelectorAll('script')]
            .filter(s => !(s.defer || s.async || s.type === 'module' || s.type === 'application/ld+json'))
            .map(s => s.src || s.textContent.slice(0, 60))"""
    )
    assert blocking == []
