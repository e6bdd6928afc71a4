"""What the page cache and fragment tests read of pages."""


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def german(model, **lookup):
    return model.objects.get(locale__language_code="de", **lookup)
