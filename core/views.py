from django.http import HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse


def page_not_found(request, exception=None):
    """A styled 404 in the language of the URL's prefix."""
    return TemplateResponse(request, "404.html", status=404)


def server_error(request):
    """Renders without a request context: no database, no template tags that need one."""
    return HttpResponseServerError(loader.get_template("500.html").render())
