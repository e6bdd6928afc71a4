"""The editors' views beside the issues listing: the preview of an issue as the e-mail (HTML or
plain text), and the page where they fill it with the newest news and events, send a test to
themselves and – moderators only – send it to its subscribers and follow the progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from . import emails, sending
from .models import Issue
from .prefill import prefill

COMPOSE = "newsletter.change_issue"
SEND = "newsletter.send_issue"


def _issue(request, pk):
    if not request.user.has_perm(COMPOSE):
        raise PermissionDenied
    return get_object_or_404(Issue.objects.select_related("locale"), pk=pk)


def _sample(issue, request):
    """The issue as the editor's test e-mail."""
    return emails.issue_message(
        issue, issue.pages(), sending.newsletter_page(issue.locale), to=request.user.email or "redaktion@example.org"
    )


@never_cache
def preview(request, pk):
    """The issue as its e-mail: the HTML part, or with ?format=text the plain text part."""
    issue = _issue(request, pk)
    message = _sample(issue, request)
    if request.GET.get("format") == "text":
        return HttpResponse(message.body, content_type="text/plain; charset=utf-8")
    return HttpResponse(message.alternatives[0][0])


@never_cache
def send(request, pk):
    """GET: recipients, progress and the actions; POST `action`: prefill, test or send."""
    issue = _issue(request, pk)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "prefill" and issue.editable:
        added = prefill(issue)
        messages.success(request, gettext("News and events added: %(count)d.") % {"count": added})
        return redirect("newsletter_issues:send", pk)
    if action == "test":
        if not request.user.email:
            messages.error(request, gettext("Your account has no e-mail address for the test."))
        elif _send_test(issue, request):
            messages.success(request, gettext("Test sent to %(email)s.") % {"email": request.user.email})
        else:
            messages.error(request, gettext("The test could not be sent. Please try again later."))
        return redirect("newsletter_issues:send", pk)
    if action == "send":
        if not request.user.has_perm(SEND):
            raise PermissionDenied
        if sending.start(issue, request.user):
            messages.success(request, gettext("The newsletter is being sent."))
        else:
            messages.error(request, gettext("This newsletter has been sent already."))
        return redirect("newsletter_issues:send", pk)
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "items": issue.pages(),
            "recipients": len(issue.recipients()) if issue.editable else None,
            "progress": issue.progress(),
            "may_send": request.user.has_perm(SEND),
            "has_page": sending.newsletter_page(issue.locale) is not None,
        },
    )


def _send_test(issue, request):
    try:
        _sample(issue, request).send()
    except Exception:  # noqa: BLE001 - the editor is told; nothing is stored
        return False
    return True
