"""The project's URLs plus a small form page, for the tests of pages that use a CSRF token."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from bochum2015.urls import urlpatterns as project_urlpatterns

FORM_PAGE = engines["django"].from_string(
    '<form method="post">{% csrf_token %}<input name="name"><button>Send</button></form>'
)


def form_page(request):
    if request.method == "POST":
        return HttpResponse(f"Thank you, {request.POST['name']}")
    return HttpResponse(FORM_PAGE.render({}, request))


urlpatterns = [path("form/", form_page), *project_urlpatterns]
