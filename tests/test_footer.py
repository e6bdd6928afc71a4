"""The footer of every page: the brand's contact details and the news with its RSS feed."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "news", "feed_label"),
    [("/de/", "/de/aktuelles/", "Nachrichten-Feed (RSS)"), ("/en/", "/en/news/", "News feed (RSS)")],
)
def test_the_footer_links_the_news_feed_and_the_contact_in_the_page_language(client, path, news, feed_label):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="{news}"' in footer
    assert f'href="http://testserver{news}feed/" type="application/rss+xml"' in footer
    assert feed_label in footer
    assert 'href="mailto:' in footer and 'href="tel:' in footer
