"""Unsubscribing, at the address every issue names in its text and its `List-Unsubscribe` header
(/de/newsletter/abmelden/<token>/, /en/newsletter/unsubscribe/<token>/, never cached): GET shows a
page with a button, POST unsubscribes at once – the button, or a mail program's one-click POST
(`List-Unsubscribe=One-Click`, RFC 8058), which carries no cookie and no CSRF token. Unsubscribing
deletes the subscription; unsubscribing again answers the same."""

from django.core import signing
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from .emails import UNSUBSCRIBE_WORDS
from .models import Subscriber
from .tokens import subscriber_key


@csrf_exempt
@never_cache
def unsubscribe(request, word, token):
    if UNSUBSCRIBE_WORDS.get(get_language()) != word:
        raise Http404
    try:
        key = subscriber_key(token, "unsubscribe")
    except (signing.BadSignature, ValueError, TypeError):
        return TemplateResponse(request, "newsletter/link_invalid.html", {"state": "invalid"}, status=400)
    subscriber = Subscriber.objects.filter(key=key).first()
    if request.method == "POST":
        if subscriber is not None:
            subscriber.delete()
        return TemplateResponse(request, "newsletter/unsubscribed.html", {})
    if subscriber is None:
        return TemplateResponse(request, "newsletter/unsubscribed.html", {})
    return TemplateResponse(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
