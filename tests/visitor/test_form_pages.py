"""The forms on addresses of their own may be found by search engines: each says what it is for
in its description and none says noindex; the thank-you pages after sending say noindex."""

import pytest

pytestmark = pytest.mark.django_db

FORMS = {
    "/de/netzwerke/netzwerk-giesserei/teilnehmen/": "Am „Netzwerk Gießerei“ teilnehmen: Das Netzwerk ist offen",
    "/en/networks/foundry-network/join/": "Take part in the Foundry Network",
    "/de/barrierefreiheit/melden/": "Hat auf dieser Website etwas für Sie nicht funktioniert?",
    "/en/accessibility/report/": "Did something on this website not work for you?",
}


@pytest.mark.parametrize(("url", "description"), FORMS.items())
def test_form_pages_describe_themselves_to_search_engines(client, complete_site, url, description):
    html = client.get(url).content.decode()
    head = html[: html.index("</head>")]
    assert f'<meta name="description" content="{description}' in head
    assert "noindex" not in head
