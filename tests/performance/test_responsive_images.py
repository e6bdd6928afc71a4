"""Images come as responsive renditions: WebP with a JPEG fallback, 1x and 2x, sized, lazy below the fold."""

import re

import pytest

from core.templatetags.responsive_images import responsive_image, scaled_spec
from home.models import HomePage
from home.tests.factories import ImageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]


def test_scaled_specs_keep_the_operation_and_the_aspect_ratio():
    assert scaled_spec("fill-480x270", 2) == "fill-960x540"
    assert scaled_spec("width-800", 2) == "width-1600"
    assert scaled_spec("fill-160x160-c100", 2) == "fill-320x320-c100"


def test_a_picture_offers_webp_and_falls_back_to_jpeg_with_its_size_set():
    image = ImageFactory(title="Responsive test")
    html = str(responsive_image({}, image, "fill-480x270", sizes="50vw", alt="Bänder", **{"class": "card__image"}))
    source = re.search(r'<source sizes="50vw" srcset="([^"]+)" type="image/webp">', html)
    assert source and re.fullmatch(r"\S+\.webp 480w, \S+\.webp 960w", source.group(1))
    img = re.search(r"<img [^>]+>", html).group(0)
    assert re.search(r'srcset="\S+\.jpg 480w, \S+\.jpg 960w"', img)
    for attribute in ['width="480"', 'height="270"', 'loading="lazy"', 'alt="Bänder"', 'class="card__image"']:
        assert attribute in img


def test_the_home_page_hero_loads_at_once_and_the_rest_lazily(client):
    home = HomePage.objects.live().get(locale__language_code="de")
    assert home.hero_image, "the home page has a hero image"
    html = client.get("/de/").content.decode()
    hero = re.search(r'<img [^>]*class="hero__image"[^>]*>', html).group(0)
    assert 'loading="eager"' in hero and 'fetchpriority="high"' in hero
    assert 'type="image/webp"' in html
    others = [tag for tag in re.findall(r"<img [^>]+>", html) if "hero__image" not in tag]
    assert all('loading="lazy"' in tag and "width=" in tag and "height=" in tag for tag in others)


def test_no_image_renders_nothing():
    assert responsive_image({}, None, "fill-480x270") == ""


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def test_an_article_shows_its_lead_image_at_once_and_its_related_cards_lazily(client):
    from news.models import NewsArticlePage

    article = (
        NewsArticlePage.objects.live()
        .filter(locale__language_code="de", lead_image__isnull=False)
        .exclude(lead_image_alt="")
        .first()
    )
    html = client.get(article.url).content.decode()
    lead = next(picture for picture in pictures(html) if f'alt="{article.lead_image_alt}"' in picture)
    assert 'type="image/webp"' in lead and re.search(r'srcset="\S+\.jpg 800w, \S+\.jpg 1600w"', lead)
    assert 'loading="eager"' in lead and "width=" in lead and "height=" in lead
    assert not re.search(r"<img (?![^>]*srcset)[^>]*>", html), "every image is a responsive picture"


def test_a_network_page_shows_its_contact_persons_and_news_as_responsive_pictures(client):
    from network.models import NetworkPage

    network = NetworkPage.objects.live().filter(locale__language_code="de").first()
    html = client.get(network.url).content.decode()
    assert pictures(html), "the network page shows pictures"
    assert all('type="image/webp"' in picture and 'loading="lazy"' in picture for picture in pictures(html))
    assert not re.search(r"<img (?![^>]*srcset)[^>]*>", html), "every image is a responsive picture"
