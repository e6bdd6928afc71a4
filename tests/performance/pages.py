"""What the page cache and fragment tests read of pages."""


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def german(model, **lookup):
    """The live German page of `model` (of the `complete_site`: pages of other trees are offline)."""
    return model.objects.live().get(locale__language_code="de", **lookup)
