"""schema.org data of an article for search engines (JSON-LD)."""

from django.utils import timezone

from core.structured_data import json_ld


def article_json_ld(article, request):
    """JSON-LD NewsArticle of a news article, safe to put inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.teaser,
        "datePublished": article.date.isoformat(),
        "inLanguage": article.locale.language_code,
        "mainEntityOfPage": article.get_full_url(request),
        "author": {"@type": "Organization", "name": "Bochum 2015"},
        "publisher": {"@type": "Organization", "name": "Bochum 2015"},
    }
    if article.last_published_at:
        data["dateModified"] = timezone.localtime(article.last_published_at).isoformat()
    if article.lead_image:
        rendition = article.lead_image.get_rendition("fill-1200x630")
        data["image"] = [request.build_absolute_uri(rendition.url)]
    return json_ld(data)
